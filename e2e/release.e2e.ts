/**
 * The public release page end to end (issue 14), in Chromium against the real platform: two releases of the demo
 * data, the first with no association consenting to be named and an erratum attached afterwards, the second after
 * one association consented and with an annotation. Checked: the page in French and English (title, date, notes,
 * associations named only with consent and the others counted, what changed in words), the erratum on the page and
 * on the charts of its release, the annotation drawn on the channels chart and in its SVG download, the source line
 * linking the release page, and no axe violations.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Stack } from '@observatoire/cli/dist/stack.js';
import { addReleaseNotice, publishRelease } from '@observatoire/stats';
import { createDataSource, createUser } from '@observatoire/db';
import { axeViolations, openBrowser, type Session } from './public/browser';
import { seedDemo, startSeededStack } from './public/stack';
import { screenshotsOf } from './page-checks';
import { platformSuite } from './suite';

const screenshot = screenshotsOf('release');

let stack: Stack;
let browser: Session;
let named = '';
let annotated = 0;
const ADMIN = 'admin@collectif.example';
const PASSWORD = 'correct-horse-battery-staple';

/**
 * The first release (demo data, nobody named), then the admin account, one association consenting to be named,
 * the second release with an annotation, and an erratum on the first.
 */
async function seedTwoReleases(databaseUrl: string, dataDir: string): Promise<void> {
  await seedDemo(databaseUrl, dataDir, {
    slug: 'e2e-first',
    notes: { fr: 'Première édition (tests).', en: 'First edition (tests).' },
  });
  const ds = createDataSource(databaseUrl);
  await ds.initialize();
  await createUser(ds, { email: ADMIN, password: PASSWORD, role: 'admin' }, { type: 'system' });
  await ds.destroy();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const [first] = (
      await pool.query<{ slug: string; name: string }>(`SELECT slug, name FROM association ORDER BY slug LIMIT 1`)
    ).rows;
    named = first.name;
    await pool.query(`UPDATE association SET name_public = true WHERE slug = $1`, [first.slug]);
    const years = (await pool.query<{ y: number }>(`SELECT DISTINCT reference_year::int AS y FROM case_record`)).rows
      .map((r) => r.y)
      .sort((a, b) => a - b);
    annotated = years.includes(2020) ? 2020 : years[Math.floor(years.length / 2)];
    await publishRelease(pool, {
      slug: 'e2e-second',
      title: { fr: 'Édition du 30 juillet', en: '30 July edition' },
      notes: { fr: 'Deuxième édition (tests).', en: 'Second edition (tests).' },
      annotations: [{ year: annotated, text: { fr: 'confinement', en: 'lockdown' } }],
      publishedBy: 'e2e',
    });
    await addReleaseNotice(
      pool,
      'e2e-first',
      {
        kind: 'erratum',
        text: { fr: 'Un envoi était compté deux fois en 2023.', en: 'One upload was counted twice in 2023.' },
      },
      'e2e',
    );
  } finally {
    await pool.end();
  }
}

platformSuite(async (keep) => {
  stack = keep(await startSeededStack({ name: 'release', seed: seedTwoReleases }));
  browser = keep(await openBrowser());
});

async function open(p: string) {
  const page = await browser.context.newPage();
  const res = await page.goto(`${stack.dashboardUrl}${p}`, { waitUntil: 'networkidle' });
  expect(res?.status(), p).toBe(200);
  return page;
}

describe('public release page', () => {
  it('lists the releases, newest first, linking each page (French and English)', async () => {
    const fr = await open('/publications');
    expect(await fr.locator('h1').textContent()).toBe('Publications');
    const links = await fr.locator('ul.releases a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['/publications/e2e-second', '/publications/e2e-first']);
    expect(await axeViolations(fr)).toEqual([]);
    await fr.close();
    const en = await open('/en/releases');
    expect(await en.locator('ul.releases a').first().getAttribute('href')).toBe('/en/releases/e2e-second');
    expect(await en.locator('ul.releases li').first().textContent()).toContain('30 July edition');
    await en.close();
  });

  it('shows title, notes, the associations that consented by name and the others counted, and what changed', async () => {
    const page = await open('/publications/e2e-second');
    expect(await page.locator('h1').textContent()).toBe('Édition du 30 juillet');
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).toContain('Deuxième édition (tests).');
    expect(await page.locator('ul.named li').allTextContents()).toEqual([named]);
    expect(body).toMatch(/et \d+ associations? qui (a|ont) préféré ne pas être nommées?/);
    const changes = (await page.locator('[data-section="changes"]').textContent()) ?? '';
    expect(changes).toContain('Publication précédente');
    expect(changes).toMatch(/Années? inchangées? \(chiffres repris à l’identique\)/);
    expect(changes).toContain('Aucune association n’a rejoint la publication.');
    // No numeric difference is printed: only counts of associations and years.
    expect(changes).not.toMatch(/[+−-]\s?\d+\s?(%|pts|cas)/);
    expect(body).toContain(`${annotated} : confinement`);
    expect(await page.locator('[data-section="associations"] table tbody tr').count()).toBeGreaterThan(1);
    await screenshot(page, '01-release-page-fr');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('in English, the same page in English', async () => {
    const page = await open('/en/releases/e2e-second');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('30 July edition');
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).toContain('Associations that agreed to be named:');
    expect(body).toContain(`${annotated} : lockdown`);
    expect(body).toContain('What changed since the previous release');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('names nobody on the release published before any consent, and shows its erratum', async () => {
    const page = await open('/publications/e2e-first');
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).toContain('Aucune association n’a demandé à être nommée.');
    expect(await page.locator('ul.named').count()).toBe(0);
    expect(body).not.toContain(named);
    expect(await page.locator('.notice[data-kind="erratum"]').textContent()).toContain(
      'Un envoi était compté deux fois en 2023.',
    );
    expect(body).toContain('C’est la première publication.');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
    const missing = await browser.context.newPage();
    expect((await missing.goto(`${stack.dashboardUrl}/publications/nope`))?.status()).toBe(404);
    await missing.close();
  });
});

describe('annotations and notices on the charts', () => {
  it('draws the annotation on the channels chart, in its language, and links the release page', async () => {
    for (const [prefix, label, releasePath] of [
      ['', 'confinement', '/publications/e2e-second'],
      ['/en', 'lockdown', '/en/releases/e2e-second'],
    ] as const) {
      const page = await open(`${prefix}/recruitment-channels`);
      const svg = page.locator('svg[data-chart="chart-channels"]');
      const note = svg.locator(`.annotation[data-year="${annotated}"]`);
      await expect.poll(() => note.count()).toBe(1);
      expect((await note.locator('text').allTextContents()).join(' ')).toBe(label);
      expect(await svg.locator(`.annotation-rule[data-year="${annotated}"]`).count()).toBe(1);
      // The label sits inside the drawing, above the plot, overlapping no other text of the chart.
      const overlaps = await svg.evaluate((el, year) => {
        const label = el.querySelector(`.annotation[data-year="${year}"] text`)!.getBoundingClientRect();
        const box = el.getBoundingClientRect();
        const inside =
          label.left >= box.left - 0.5 &&
          label.right <= box.right + 0.5 &&
          label.top >= box.top - 0.5 &&
          label.bottom <= box.bottom + 0.5;
        const others = [...el.querySelectorAll('text')].filter((t) => !t.closest('.annotation'));
        const hit = others.some((t) => {
          const r = t.getBoundingClientRect();
          return (
            r.width > 0 && r.left < label.right && label.left < r.right && r.top < label.bottom && label.top < r.bottom
          );
        });
        return { inside, hit };
      }, annotated);
      expect(overlaps).toEqual({ inside: true, hit: false });
      await page
        .locator('#channels')
        .screenshot({ path: `test-results/release/02-channels-${prefix ? 'en' : 'fr'}.png` });
      const source = page.locator('#channels .source a');
      expect(await source.getAttribute('href')).toBe(`${stack.dashboardUrl}${releasePath}`);
      await page.close();
    }
  });

  it('puts the annotation in the SVG download and the release page address in its source', async () => {
    const svg = await (await fetch(`${stack.dashboardUrl}/charts/channels/chart.svg?release=e2e-second`)).text();
    expect(svg).toContain('class="annotation"');
    expect(svg).toMatch(/>confinement</);
    expect(svg).toContain(`${stack.dashboardUrl}/publications/e2e-second`);
    const en = await (await fetch(`${stack.dashboardUrl}/en/charts/channels/chart.svg?release=e2e-second`)).text();
    expect(en).toMatch(/>lockdown</);
  });

  it('shows the erratum on every chart of its release, not on the other release', async () => {
    const page = await open('/recruitment-channels?release=e2e-first');
    const notices = page.locator('.chart-frame .notice');
    expect(await notices.count()).toBe(await page.locator('.chart-frame').count());
    expect(await notices.first().textContent()).toContain('Un envoi était compté deux fois en 2023.');
    await screenshot(page, '03-erratum-on-charts');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
    const latest = await open('/recruitment-channels');
    expect(await latest.locator('.chart-frame .notice').count()).toBe(0);
    await latest.close();
    const embed = await open('/embed/channels?release=e2e-first');
    expect(await embed.locator('.notice').textContent()).toContain('Erratum');
    await embed.close();
    const svg = await (await fetch(`${stack.dashboardUrl}/charts/channels/chart.svg?release=e2e-first`)).text();
    expect(svg).toContain('Un envoi était compté deux fois en 2023.');
  });
});

describe('admin: consent, annotations, notices', () => {
  it('records consent from the association list, refuses a malformed annotation, attaches a retraction', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${stack.dashboardUrl}/espace/connexion`);
    await page.getByLabel('Adresse e-mail').fill(ADMIN);
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL((u) => !u.pathname.endsWith('/connexion'));

    await page.goto(`${stack.dashboardUrl}/admin`);
    const unnamed = page.locator('td[data-name-public="no"]').first();
    const before = await page.locator('td[data-name-public="yes"]').count();
    await unnamed.getByRole('button', { name: /Publier le nom/ }).click();
    await expect.poll(() => page.locator('[role="status"]').textContent()).toMatch(/Consentement enregistré pour/);
    await expect.poll(() => page.locator('td[data-name-public="yes"]').count()).toBe(before + 1);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${stack.dashboardUrl}/admin/publications`);
    await page.locator('#notesFr').fill('Essai');
    await page.locator('#notesEn').fill('Test');
    await page.locator('#annotations').fill('2020 | sans anglais');
    await page.getByRole('button', { name: 'Publier' }).click();
    await expect
      .poll(() => page.locator('[role="alert"]').textContent())
      .toContain('Ligne 1 des annotations : écrivez « année | texte français | texte anglais »');
    // Nothing was published.
    const list = (await (await fetch(`${stack.apiUrl}/api/v1/releases`)).json()) as unknown[];
    expect(list).toHaveLength(2);

    await page.goto(`${stack.dashboardUrl}/admin/publications/errata`);
    expect(await page.locator('h1').textContent()).toBe('Errata et retraits');
    await page.locator('#release').selectOption('e2e-first');
    await page.getByLabel('Retrait de la publication').check();
    await page.locator('#textFr').fill('Publication retirée : remplacée par e2e-second.');
    await page.locator('#textEn').fill('Release retracted: replaced by e2e-second.');
    await page.getByRole('button', { name: 'Joindre l’avis' }).click();
    await expect
      .poll(() => page.locator('[role="status"]').textContent())
      .toContain('Avis joint à la publication e2e-first');
    expect(await page.locator('tr[data-notice="retraction"]').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();

    // Public at once on this dashboard (the API's notices are kept a few seconds, never as immutable).
    await expect
      .poll(
        async () => {
          const html = await (await fetch(`${stack.dashboardUrl}/en/releases/e2e-first`)).text();
          return html.includes('Release retracted: replaced by e2e-second.');
        },
        { timeout: 15_000, interval: 1000 },
      )
      .toBe(true);
  });
});
