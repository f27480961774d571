import { access, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { watchCsp } from '../csp';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const here = path.dirname(fileURLToPath(import.meta.url));
export const shots = path.join(here, '..', 'test-results', 'public');

export interface Session {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Fails with a message saying what to install rather than a stack trace from deep inside playwright. */
export async function assertChromium(): Promise<void> {
  try {
    await access(CHROMIUM);
  } catch {
    throw new Error(
      `Chromium introuvable à ${CHROMIUM} : installez-le avec « apt-get install -y chromium fonts-dejavu-core » ` +
        `(ou indiquez CHROMIUM_PATH). / Chromium not found at ${CHROMIUM}: install it with ` +
        `"apt-get install -y chromium fonts-dejavu-core" (or set CHROMIUM_PATH).`,
    );
  }
}

/** Debian's Chromium with a fresh profile, the flags these machines need, French locale by default. */
export async function openBrowser(
  opts: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<Session> {
  await assertChromium();
  const profile = await mkdtemp(path.join(os.tmpdir(), 'observatoire-public-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    acceptDownloads: true,
    locale: opts.locale ?? 'fr-FR',
    viewport: opts.viewport ?? { width: 1280, height: 900 },
  });
  watchCsp(context);
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

const require = createRequire(import.meta.url);

/** axe-core's WCAG 2 A/AA violations on the page, as "rule: targets" strings (empty = clean). */
export async function axeViolations(page: Page): Promise<string[]> {
  const source = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe;
    return (await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })) as {
      violations: { id: string; nodes: { target: string[] }[] }[];
    };
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
