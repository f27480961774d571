/**
 * Security regression suite of the dashboard (issue 12), against the real platform (PostgreSQL, API, the
 * dashboard's production build) over real HTTP and in Chromium:
 * - web cache deception (finding 1): every private page, under every spelling, fetched by a logged-in member
 *   or admin and then by an anonymous visitor: nothing private is ever stored or served again;
 * - the security headers per route class (finding 2), framing refused everywhere but the embeds (tried from
 *   another origin in Chromium), HSTS in production, no CSP violation on any page;
 * - a >1 MB upload sent through the dashboard with `Expect: 100-continue`, as curl sends it (finding 10);
 * - PostgreSQL really stopped (finding 7): 503 with Retry-After and a French and English page, never a login
 *   form, and the space back once PostgreSQL is.
 */
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createApiToken,
  createDataSource,
  startEmbeddedPostgres,
  withDatabase,
  type EmbeddedDatabase,
} from '@observatoire/db';
import { takeCspViolations } from './csp';
import { openBrowser, type Session } from './space/browser';
import { axeViolations, screenshot } from './space/helpers';
import { accounts, PASSWORD, startDashboard, startSpaceStack, type SpaceStack } from './space/stack';
import { platformSuite } from './suite';

let pgDir: string;
let pgDataDir: string;
let pg: EmbeddedDatabase;
let stack: SpaceStack;
let browser: Session;
const cookies: Record<'a' | 'admin', string> = { a: '', admin: '' };
let importOfA: string;

async function loginCookie(email: string): Promise<string> {
  const res = await fetch(`${stack.dashboardUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: stack.dashboardUrl },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.includes('session='));
  expect(cookie).toBeDefined();
  return cookie!.split(';')[0];
}

platformSuite(async (keep) => {
  // PostgreSQL of our own, outside the stack, so that a test can stop it and start it again.
  pgDir = await mkdtemp(path.join(os.tmpdir(), 'observatoire-security-e2e-'));
  keep(() => rm(pgDir, { recursive: true, force: true }));
  pgDataDir = path.join(pgDir, 'pg');
  pg = await startEmbeddedPostgres({ dataDir: pgDataDir });
  // A test restarts it: the one running at the end is stopped.
  keep(() => pg.stop().catch(() => {}));
  stack = keep(await startSpaceStack({ databaseUrl: withDatabase(pg.url, 'observatoire'), samples: true }));
  cookies.a = await loginCookie(accounts.a.email);
  cookies.admin = await loginCookie(accounts.admin.email);
  // The samples loaded an upload for association A: its report page is one of the private pages.
  const list = await fetch(`${stack.dashboardUrl}/api/v1/imports`, { headers: { cookie: cookies.a } });
  importOfA = ((await list.json()) as { id: string }[])[0].id;
  browser = keep(await openBrowser());
});

const SECRETS = [accounts.a.email, accounts.b.email, accounts.admin.email];

/** Every private page, with whose session shows it (the login pages send a logged-in user on). */
function privatePages(): { path: string; who: 'a' | 'admin' }[] {
  const a = [
    '/espace',
    `/espace/imports/${importOfA}`,
    '/espace/envoyer',
    '/espace/donnees',
    '/espace/correspondances',
    '/espace/connexion',
    '/en/space',
    `/en/space/imports/${importOfA}`,
    '/en/space/upload',
    '/en/space/data',
    '/en/space/mapping',
    '/en/space/login',
  ].map((p) => ({ path: p, who: 'a' as const }));
  const admin = [
    '/admin',
    '/admin/imports',
    '/admin/publications',
    '/en/admin',
    '/en/admin/imports',
    '/en/admin/releases',
  ];
  return [...a, ...admin.map((p) => ({ path: p, who: 'admin' as const }))];
}

/** The spellings of finding 1 and their kin: encoded, doubly encoded, doubled slashes, trailing dot or slash, case. */
function spellings(p: string): string[] {
  const segments = p.split('/');
  const i = segments[1] === 'en' ? 2 : 1;
  const seg = segments[i];
  const hex = (c: string) => `%${c.charCodeAt(0).toString(16)}`;
  const withSeg = (s: string) => [...segments.slice(0, i), s, ...segments.slice(i + 1)].join('/');
  return [
    p,
    withSeg(hex(seg[0]) + seg.slice(1)),
    withSeg([...seg].map(hex).join('')),
    withSeg(`%25${hex(seg[0]).slice(1)}${seg.slice(1)}`),
    `/${p}`,
    p.replace(/\//g, '//'),
    `${p}.`,
    `${p}/`,
    p.toUpperCase(),
    withSeg(seg[0].toUpperCase() + seg.slice(1)),
  ];
}

async function get(pathAndQuery: string, cookie?: string) {
  // Node's fetch would normalise the path; http.request sends it exactly as written, as an attacker would.
  const url = new URL(stack.dashboardUrl);
  const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
    const req = http.request({
      host: url.hostname,
      port: url.port,
      path: pathAndQuery,
      headers: cookie ? { cookie } : {},
    });
    req.on('response', resolve).on('error', reject).end();
  });
  const chunks: Buffer[] = [];
  for await (const c of res) chunks.push(c as Buffer);
  return { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') };
}

describe('web cache deception (finding 1)', () => {
  it('shows the canonical private pages to their owner only (the check below can see a leak)', async () => {
    const home = await get('/espace', cookies.a);
    expect(home.status).toBe(200);
    expect(home.body).toContain(accounts.a.name);
    const admin = await get('/admin', cookies.admin);
    expect(admin.status).toBe(200);
    expect(admin.body).toContain(accounts.a.email);
  });

  it('never stores a private page, under any spelling, nor gives it to the next anonymous visitor', async () => {
    const leaks: string[] = [];
    const stored: string[] = [];
    for (const { path: p, who } of privatePages()) {
      for (const spelling of spellings(p)) {
        const own = await get(spelling, cookies[who]);
        if (own.headers['x-page-cache']) stored.push(`${spelling}: ${own.headers['x-page-cache']}`);
        if (own.status === 200 && own.headers['cache-control'] !== 'no-store') {
          stored.push(`${spelling}: 200 with cache-control ${own.headers['cache-control']}`);
        }
        const anonymous = await get(spelling);
        const secret =
          SECRETS.find((s) => anonymous.body.includes(s)) ??
          (anonymous.body.includes(accounts.a.name) && anonymous.status === 200 ? accounts.a.name : undefined);
        if (anonymous.headers['x-page-cache'] === 'hit' || secret) {
          leaks.push(`${spelling}: ${anonymous.status} ${anonymous.headers['x-page-cache'] ?? ''} ${secret ?? ''}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(stored).toEqual([]);
  });

  it('keeps caching public pages for anonymous readers, and never for a reader with a cookie', async () => {
    await get('/profiles?cache-test=1');
    expect((await get('/profiles?cache-test=1')).headers['x-page-cache']).toBe('hit');
    expect((await get('/profiles?cache-test=1', cookies.a)).headers['x-page-cache']).toBeUndefined();
  });
});

function csp(headers: http.IncomingHttpHeaders): string {
  return String(headers['content-security-policy'] ?? '');
}

function scriptSrc(policy: string): string {
  return policy.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
}

describe('security headers per route class (finding 2)', () => {
  const common = (h: http.IncomingHttpHeaders, what: string) => {
    expect(h['x-content-type-options'], what).toBe('nosniff');
    expect(h['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
    expect(h['permissions-policy'], what).toContain('camera=()');
    expect(h['strict-transport-security'], what).toBeUndefined();
  };

  it('public pages: hash-based CSP without inline scripts, framing refused', async () => {
    for (const p of ['/', '/recruitment-channels', '/en/profiles', '/methodology', '/downloads', '/nope']) {
      const r = await get(p);
      expect([200, 404], p).toContain(r.status);
      common(r.headers, p);
      const policy = csp(r.headers);
      expect(scriptSrc(policy), p).toMatch(/^\s*script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+$/);
      expect(policy, p).toContain("frame-ancestors 'none'");
      expect(policy, p).toContain("object-src 'none'");
      expect(r.headers['x-frame-options'], p).toBe('DENY');
      expect(r.headers['cache-control'], p).not.toBe('no-store');
    }
  });

  it('embeds: the same CSP, and any site may frame them', async () => {
    for (const p of ['/embed/channels', '/en/embed/platforms']) {
      const r = await get(p);
      expect(r.status, p).toBe(200);
      common(r.headers, p);
      expect(scriptSrc(csp(r.headers)), p).toMatch(/^\s*script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+$/);
      expect(csp(r.headers), p).not.toContain('frame-ancestors');
      expect(r.headers['x-frame-options'], p).toBeUndefined();
    }
  });

  it('private pages: framing refused and never stored, logged in or not', async () => {
    for (const [p, cookie] of [
      ['/espace', cookies.a],
      ['/espace', undefined],
      ['/espace/connexion', undefined],
      ['/en/space/upload', cookies.a],
      ['/admin', cookies.admin],
      ['/en/admin/imports', undefined],
    ] as const) {
      const r = await get(p, cookie);
      common(r.headers, p);
      expect(r.headers['cache-control'], p).toBe('no-store');
      expect(csp(r.headers), p).toContain("frame-ancestors 'none'");
      expect(r.headers['x-frame-options'], p).toBe('DENY');
    }
  });

  it('downloads: a policy that runs nothing; the API proxy: the API’s own set', async () => {
    for (const f of ['chart.svg', 'data.csv', 'data.zip']) {
      const r = await get(`/charts/channels/${f}`);
      expect(r.status, f).toBe(200);
      common(r.headers, f);
      expect(csp(r.headers), f).toMatch(/^default-src 'none';.*frame-ancestors 'none'$/);
      expect(r.headers['x-frame-options'], f).toBe('DENY');
    }
    const api = await get('/api/v1/releases');
    expect(api.status).toBe(200);
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    expect(csp(api.headers)).toContain("frame-ancestors 'none'");
    const me = await get('/api/v1/auth/me', cookies.a);
    expect(me.headers['cache-control']).toMatch(/no-store/);
  });

  it('sends HSTS when NODE_ENV=production', async () => {
    const prod = await startDashboard(stack.build, stack.apiUrl, { env: { NODE_ENV: 'production' } });
    try {
      for (const p of ['/', '/embed/channels', '/espace/connexion', '/charts/channels/data.csv']) {
        const res = await fetch(`${prod.url}${p}`, { redirect: 'manual' });
        expect(res.headers.get('strict-transport-security'), p).toBe('max-age=31536000; includeSubDomains');
      }
    } finally {
      await prod.stop();
    }
  });

  it('in Chromium, another site can frame an embed but neither a page, the login nor the admin', async () => {
    // A newspaper's article on another origin.
    const frames = ['/embed/channels', '/recruitment-channels', '/espace/connexion', '/admin'];
    const article = http.createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(
        `<!doctype html><html lang="fr"><title>Article</title><body>${frames
          .map((f) => `<iframe title="${f}" src="${stack.dashboardUrl}${f}" width="600" height="400"></iframe>`)
          .join('')}</body></html>`,
      );
    });
    article.listen(0, '127.0.0.1');
    await once(article, 'listening');
    const { port } = article.address() as { port: number };
    const page = await browser.context.newPage();
    try {
      await page.goto(`http://localhost:${port}/`, { waitUntil: 'load' });
      const inner = page.frameLocator('iframe[title="/embed/channels"]');
      await expect.poll(() => inner.locator('svg[data-chart="chart-channels"]').count(), { timeout: 30_000 }).toBe(1);
      for (const f of frames.slice(1)) {
        // A refused frame holds Chromium's error page instead of the dashboard's.
        const frame = await (await page.$(`iframe[title="${f}"]`))!.contentFrame();
        await expect.poll(() => frame?.url(), { timeout: 10_000 }).toMatch(/^chrome-error:/);
      }
      await screenshot(page, 'security-framing');
    } finally {
      await page.close();
      article.close();
    }
    // Chromium says so on the console; those are the refusals asked for, not CSP violations of our pages.
    takeCspViolations();
  });

  it('every page works in Chromium under its CSP, with no violation reported', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page
      .context()
      .addCookies([{ name: cookies.a.split('=')[0], value: cookies.a.split('=')[1], url: stack.dashboardUrl }]);
    for (const p of [
      '/',
      '/en/recruitment-channels',
      '/profiles',
      '/embed/channels',
      '/espace',
      `/espace/imports/${importOfA}`,
      '/espace/envoyer',
      '/en/space/data',
    ]) {
      await page.goto(`${stack.dashboardUrl}${p}`, { waitUntil: 'networkidle' });
      // SvelteKit's inline bootstrap script ran under the policy (it defines the __sveltekit_… global).
      expect(await page.evaluate(() => Object.keys(window).some((k) => k.startsWith('__sveltekit_'))), p).toBe(true);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** A CSV of `rows` cases (about 75 bytes each), with case ids under `prefix` so that two files differ. */
function bigExport(prefix: string, rows: number): Buffer {
  const lines = [
    "N° dossier;Année de prise en charge;Sexe;Âge au début de l'exploitation;Nationalité;Type(s) d'exploitation;Mode de recrutement;Plateforme(s) utilisée(s)",
  ];
  const channels = [
    'Réseaux sociaux;Facebook',
    'Connaissance;',
    'Annonce en ligne;Vivastreet',
    'Membre de la famille;',
  ];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `${prefix}-${String(i).padStart(6, '0')};${2019 + (i % 6)};${i % 3 ? 'Femme' : 'Homme'};${18 + (i % 30)} ans;France;Exploitation sexuelle;${channels[i % 4]}`,
    );
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

/** A multipart upload sent as curl sends a body over 1 MB: `Expect: 100-continue`, the body only after the 100. */
function uploadExpecting100(
  base: string,
  token: string,
  file: Buffer,
): Promise<{ status: number; body: string; continued: boolean }> {
  const boundary = `----observatoire${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="dryRun"\r\n\r\ntrue\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="export.csv"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const body = Buffer.concat([head, file, tail]);
  const url = new URL(`${base}/api/v1/imports`);
  return new Promise((resolve, reject) => {
    let continued = false;
    const req = http.request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        // SvelteKit refuses a cross-site form post (CSRF): a script names the dashboard as its origin.
        origin: base,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(body.length),
        expect: '100-continue',
      },
    });
    req.on('continue', () => {
      continued = true;
      req.end(body);
    });
    req.on('response', async (res) => {
      const chunks: Buffer[] = [];
      for await (const c of res) chunks.push(c as Buffer);
      resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), continued });
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

describe('uploads through the dashboard proxy (finding 10)', () => {
  it('a 1.5 MB export sent with Expect: 100-continue previews as the same export sent straight to the API', async () => {
    const ds = await createDataSource(stack.databaseUrl).initialize();
    let token: string;
    try {
      ({ token } = await createApiToken(ds, { association: accounts.a.slug, label: 'script' }, { type: 'cli' }));
    } finally {
      await ds.destroy();
    }
    const rows = 20_000;
    const viaDashboard = bigExport('DASH', rows);
    expect(viaDashboard.length).toBeGreaterThan(1024 * 1024);
    const proxied = await uploadExpecting100(stack.dashboardUrl, token, viaDashboard);
    const direct = await uploadExpecting100(stack.apiUrl, token, bigExport('API', rows));
    expect(proxied.continued).toBe(true);
    expect(direct.status).toBe(200);
    expect(proxied.status, proxied.body).toBe(200);
    type Preview = { status: string; dryRun: boolean; report: { counts: Record<string, number> } };
    const a = JSON.parse(proxied.body) as Preview;
    const b = JSON.parse(direct.body) as Preview;
    expect(a.status).toBe('validated');
    expect(a.dryRun).toBe(true);
    expect(a.report.counts.rowsAccepted).toBe(rows);
    expect(a.report.counts).toEqual(b.report.counts);
  });
});

describe('database outage (finding 7)', () => {
  it('answers 503 with Retry-After and a French and English page, never a login form; the space comes back', async () => {
    await pg.stop();
    try {
      // The member's space: the outage page, not "log in again".
      for (const [p, cookie] of [
        ['/espace', cookies.a],
        [`/espace/imports/${importOfA}`, cookies.a],
        ['/en/space', cookies.a],
        ['/admin', cookies.admin],
        ['/espace/connexion', undefined],
      ] as const) {
        const r = await get(p, cookie);
        expect(r.status, p).toBe(503);
        expect(Number(r.headers['retry-after']), p).toBeGreaterThan(0);
        expect(r.headers['cache-control'], p).toBe('no-store');
        expect(r.body, p).toMatch(
          p.startsWith('/en/') ? /Service temporarily unavailable/ : /Service momentanément indisponible/,
        );
        expect(r.body, p).toContain('Réessayez dans quelques minutes');
        expect(r.body, p).toContain('Try again in a few minutes');
        expect(r.body, p).not.toMatch(/type="password"/);
      }
      // The API through the proxy: 503 problem+json with Retry-After.
      for (const [p, cookie] of [
        ['/api/v1/auth/me', cookies.a],
        ['/api/v1/imports', cookies.a],
      ] as const) {
        const r = await get(p, cookie);
        expect(r.status, p).toBe(503);
        expect(r.headers['content-type'], p).toContain('application/problem+json');
        expect(Number(r.headers['retry-after']), p).toBeGreaterThan(0);
        expect(JSON.parse(r.body).messages.fr, p).toMatch(/momentanément indisponible/);
      }
      const login = await fetch(`${stack.dashboardUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: accounts.a.email, password: PASSWORD }),
      });
      expect(login.status).toBe(503);
      expect(Number(login.headers.get('retry-after'))).toBeGreaterThan(0);
      // Public pages answer from what they hold, or say the data is unavailable: never a 500.
      expect([200, 503]).toContain((await get('/recruitment-channels?outage=1')).status);

      const page = await browser.context.newPage();
      await page
        .context()
        .addCookies([{ name: cookies.a.split('=')[0], value: cookies.a.split('=')[1], url: stack.dashboardUrl }]);
      const res = await page.goto(`${stack.dashboardUrl}/espace`);
      expect(res?.status()).toBe(503);
      expect(await page.locator('h1').textContent()).toBe('Service momentanément indisponible');
      expect(await page.locator('input[type="password"]').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'security-database-down');
      await page.close();
    } finally {
      pg = await startEmbeddedPostgres({ dataDir: pgDataDir });
    }
    // Same API process, same session: the space is back.
    await expect.poll(async () => (await get('/espace', cookies.a)).status, { timeout: 30_000 }).toBe(200);
    expect((await get('/espace', cookies.a)).body).toContain(accounts.a.name);
  });
});
