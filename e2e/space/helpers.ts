import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { axeViolations as axe, screenshotsOf } from '../page-checks';
import { PASSWORD } from './stack';

const here = path.dirname(fileURLToPath(import.meta.url));
/**
 * The ETL's test files, one copy for every test suite: the three sample exports and their expected counts
 * (expected.json), the bad files (bad/) and the wide Excel export (own/wide-one-hot.*).
 */
export const fixtures = path.resolve(here, '../../packages/etl/test/fixtures');
/** Files only the end-to-end suites use. */
export const ownFixtures = path.join(here, '..', 'fixtures', 'space');

export const screenshot = screenshotsOf('space');

export async function login(page: Page, base: string, email: string, lang: 'fr' | 'en' = 'fr'): Promise<void> {
  await page.goto(`${base}${lang === 'fr' ? '/espace/connexion' : '/en/space/login'}`);
  // Already logged in: the login page sends the user on.
  if (!/\/(connexion|login)$/.test(new URL(page.url()).pathname)) return;
  await page.getByLabel(lang === 'fr' ? 'Adresse e-mail' : 'E-mail address').fill(email);
  await page.getByLabel(lang === 'fr' ? 'Mot de passe' : 'Password').fill(PASSWORD);
  await page.getByRole('button', { name: lang === 'fr' ? 'Se connecter' : 'Log in' }).click();
  await page.waitForURL((u) => !u.pathname.endsWith('/connexion') && !u.pathname.endsWith('/login'));
}

/** The import id in a report page's URL. */
export function importIdOf(page: Page): string {
  const m = /\/imports\/([0-9a-f-]{36})/.exec(new URL(page.url()).pathname);
  if (!m) throw new Error(`not an import page: ${page.url()}`);
  return m[1];
}

/** Waits until the report page leaves the "being processed" state (the page polls by itself). */
export async function waitForOutcome(page: Page, timeoutMs = 90_000): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.pending'), undefined, { timeout: timeoutMs });
}

/** Drops a file on the drop zone the way a browser does: a DataTransfer holding a File. */
export async function dropFile(page: Page, selector: string, file: string, type: string): Promise<void> {
  const b64 = (await readFile(file)).toString('base64');
  const dataTransfer = await page.evaluateHandle(
    ({ name, b64, type }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name, { type }));
      return dt;
    },
    { name: path.basename(file), b64, type },
  );
  await page.dispatchEvent(selector, 'dragover', { dataTransfer });
  await page.dispatchEvent(selector, 'drop', { dataTransfer });
}

/** axe-core's serious and critical findings on the page (WCAG 2.0 A/AA rules). */
export const axeViolations = (page: Page) =>
  axe(page, { tags: ['wcag2a', 'wcag2aa'], impacts: ['serious', 'critical'] });
