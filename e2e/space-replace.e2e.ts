/**
 * Replacing data is a decision (issue 15), in Chromium against the real platform: a preview that would remove
 * saved cases of a year says so per year, before and after, above everything else, and confirming it takes a
 * second step naming the years (French and English); the banner and the history say the right states; the
 * upload page offers no .xls/.ods, and a damaged workbook says what is wrong and what to do.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openBrowser, type Session } from './space/browser';
import { axeViolations, fixtures, importIdOf, login, screenshot, waitForOutcome } from './space/helpers';
import { accounts, startSpaceStack, type SpaceStack } from './space/stack';
import { platformSuite } from './suite';

let stack: SpaceStack;
let session: Session;
let page: Page;

const HEADER = 'N° dossier;Année;Sexe;Âge;Exploitation';
const csv = (...rows: string[]) => Buffer.from([HEADER, ...rows].join('\r\n') + '\r\n', 'utf8');
const FULL = csv(
  ...Array.from({ length: 18 }, (_, i) => `D${i};2023;F;25;Travail forcé`),
  'E1;2024;F;30;Travail forcé',
);
const PARTIAL = csv('D0;2023;F;25;Travail forcé');

platformSuite(async (keep) => {
  stack = keep(await startSpaceStack());
  session = keep(await openBrowser());
  page = await session.context.newPage();
  await login(page, stack.dashboardUrl, accounts.b.email);
});

/** Sends a file from the upload page (French or English), with or without the preview; lands on its report. */
async function send(name: string, content: Buffer, opts: { preview: boolean; lang?: 'fr' | 'en' }): Promise<string> {
  const en = opts.lang === 'en';
  await page.goto(`${stack.dashboardUrl}${en ? '/en/space/upload' : '/espace/envoyer'}`);
  const previewBox = page.getByLabel(
    en ? 'Show a preview before saving (recommended)' : 'Voir un aperçu avant d’enregistrer (recommandé)',
  );
  if (opts.preview) await previewBox.check();
  else await previewBox.uncheck();
  await page.locator('#file').setInputFiles({ name, mimeType: 'text/csv', buffer: content });
  await page.getByRole('button', { name: en ? 'Upload' : 'Envoyer', exact: true }).click();
  await page.waitForURL(/\/imports\/[0-9a-f-]{36}/);
  await waitForOutcome(page);
  return importIdOf(page);
}

/**
 * Confirming a preview that replaces saved cases: held back by the browser while the consent box is unticked (then
 * `whileHeldBack` checks nothing was saved), done once it is ticked: the import completes and the "saving" banner
 * is gone. Words of the page's language.
 */
async function confirmWithConsent(
  consent: Locator,
  words: { confirm: string; done: string; saving: string },
  whileHeldBack: () => Promise<void>,
): Promise<void> {
  await page.getByRole('button', { name: words.confirm }).click();
  // The browser holds the form back: the box is required.
  expect(await consent.evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true);
  await whileHeldBack();
  await consent.check();
  await page.getByRole('button', { name: words.confirm }).click();
  await page.waitForURL(/confirme=1/);
  await waitForOutcome(page);
  await expect.poll(() => page.locator('.summary').textContent(), { timeout: 60_000 }).toContain(words.done);
  expect(await page.locator('.notice').allTextContents()).not.toContainEqual(expect.stringContaining(words.saving));
}

/** The association's saved records per year, from its own download (codes file: one line per record). */
async function savedPerYear(): Promise<Record<string, number>> {
  const res = await page.request.get(`${stack.dashboardUrl}/api/v1/records.csv`);
  expect(res.status()).toBe(200);
  const lines = (await res.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const header = lines[0].split(/[;,]/);
  const col = header.findIndex((h) => /reference_year|^année|^year/i.test(h.replace(/"/g, '')));
  const counts: Record<string, number> = {};
  for (const line of lines.slice(1)) {
    const year = line.split(/[;,]/)[col].replace(/"/g, '');
    counts[year] = (counts[year] ?? 0) + 1;
  }
  return counts;
}

describe('a partial file cannot replace a year without the before/after numbers and a second step', () => {
  it('loads a full export, then previews a partial one: the warning names the year with its numbers', async () => {
    await send('complet.csv', FULL, { preview: false });
    await expect.poll(() => page.locator('[data-count="loaded"]').textContent(), { timeout: 60_000 }).toBe('19');
    expect(await savedPerYear()).toEqual({ '2023': 18, '2024': 1 });

    await send('partiel.csv', PARTIAL, { preview: true });
    const warning = page.getByTestId('year-changes');
    await expect.poll(() => warning.isVisible()).toBe(true);
    const text = (await warning.textContent()) ?? '';
    expect(text).toContain('Attention : cet envoi remplace des dossiers déjà enregistrés');
    expect(text).toContain('2023 : 18 dossiers aujourd’hui, 1 après cet envoi');
    expect(text).toContain('17 retiré(s)');
    expect(text).toMatch(/probablement un export partiel/);
    // 2024 is not in the file: it is not touched, and not listed.
    expect(text).not.toContain('2024');
    // Shown before the preview's ordinary lines, and larger than them.
    const [warningTop, countsTop] = await Promise.all([
      warning.evaluate((el) => el.getBoundingClientRect().top),
      page.locator('ul.counts').evaluate((el) => el.getBoundingClientRect().top),
    ]);
    expect(warningTop).toBeLessThan(countsTop);
    const [lineSize, countSize] = await Promise.all([
      warning
        .locator('.line')
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
      page
        .locator('ul.counts li')
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
    ]);
    expect(lineSize).toBeGreaterThan(countSize);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'replace-01-warning-fr');
  });

  it('confirming takes ticking the box that names 2023; without it nothing is saved', async () => {
    const previewUrl = page.url();
    const consent = page.getByLabel('Oui, remplacer les dossiers enregistrés pour 2023 par ceux de ce fichier');
    expect(await consent.isChecked()).toBe(false);
    await confirmWithConsent(
      consent,
      { confirm: 'Confirmer et enregistrer', done: 'Import terminé', saving: 'enregistrement en cours' },
      async () => {
        await page.waitForTimeout(500);
        expect(page.url()).toBe(previewUrl);
        expect(await savedPerYear()).toEqual({ '2023': 18, '2024': 1 });
      },
    );
    expect(await savedPerYear()).toEqual({ '2023': 1, '2024': 1 });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the same decision in English, with the English numbers and box', async () => {
    await send('partial-2024.csv', csv('F9;2024;M;40;Travail forcé'), { preview: true, lang: 'en' });
    const text = (await page.getByTestId('year-changes').textContent()) ?? '';
    expect(text).toContain('Warning: this upload replaces cases already saved');
    expect(text).toContain('2024: 1 case today, 1 after this upload');
    expect(text).toContain('1 removed');
    expect(text).toContain('probably a partial export');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'replace-02-warning-en');
    const consent = page.getByLabel('Yes, replace the cases saved for 2024 with those of this file');
    await confirmWithConsent(
      consent,
      { confirm: 'Confirm and save', done: 'Import complete', saving: 'saving' },
      async () => {
        expect(await savedPerYear()).toEqual({ '2023': 1, '2024': 1 });
      },
    );
  });

  it('the history says a preview never confirmed saved nothing', async () => {
    const unconfirmed = await send('jamais-confirme.csv', csv('G1;2022;F;20;Travail forcé'), { preview: true });
    await page.goto(`${stack.dashboardUrl}/espace`);
    const row = page.locator(`tr[data-import-id="${unconfirmed}"]`);
    expect(await row.textContent()).toContain('Aperçu prêt');
    expect(await row.locator('[data-col="loaded"]').textContent()).toBe('aucune (aperçu non confirmé)');
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('formats and damaged files', () => {
  it('the upload page offers neither .xls nor .ods, and says how to re-save them', async () => {
    await page.goto(`${stack.dashboardUrl}/espace/envoyer`);
    const accept = (await page.locator('#file').getAttribute('accept')) ?? '';
    expect(accept).toContain('.xlsx');
    expect(accept).not.toMatch(/\.xls(,|$)|\.ods|opendocument/);
    expect(await page.locator('main').textContent()).toContain(
      'ne sont pas acceptés : enregistrez-les d’abord au format .xlsx ou CSV',
    );
    const refused = await send('ancien.xls', Buffer.from('a;b\n1;2\n'), { preview: true });
    expect(refused).toMatch(/[0-9a-f-]{36}/);
    const alert = (await page.locator('section.alert').textContent()) ?? '';
    expect(alert).toContain('Les anciens classeurs Excel (.xls) ne sont pas acceptés');
    expect(alert).toContain('Enregistrer sous');
  });

  it('a truncated workbook says what is wrong and what to do, in the page’s language, without the zip library', async () => {
    const workbook = await readFile(path.join(fixtures, 'amarre-nantes-suivi.xlsx'));
    const truncated = workbook.subarray(0, Math.floor(workbook.length / 2));
    for (const lang of ['fr', 'en'] as const) {
      await page.goto(`${stack.dashboardUrl}${lang === 'en' ? '/en/space/upload' : '/espace/envoyer'}`);
      await page.locator('#file').setInputFiles({
        name: 'truncated.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: truncated,
      });
      await page.getByRole('button', { name: lang === 'en' ? 'Upload' : 'Envoyer', exact: true }).click();
      await page.waitForURL(/\/imports\/[0-9a-f-]{36}/);
      await waitForOutcome(page);
      const alert = (await page.locator('section.alert').textContent()) ?? '';
      if (lang === 'fr') {
        expect(alert).toContain('Ce fichier n’a pas été enregistré');
        expect(alert).toContain('Ce classeur Excel est endommagé ou incomplet');
        expect(alert).toContain('enregistrez-le à nouveau au format .xlsx');
        expect(alert).not.toContain('Une erreur est survenue');
      } else {
        expect(alert).toContain('This file was not saved');
        expect(alert).toContain('This Excel workbook is damaged or incomplete');
      }
      expect(alert).not.toMatch(/central directory|signature|zip|\[/i);
      expect(await axeViolations(page)).toEqual([]);
    }
    await screenshot(page, 'replace-03-truncated-en');
  });
});

describe('own-data download', () => {
  it('French page: labels for Excel in French (;, BOM); English page: English labels; codes in a second file', async () => {
    await page.goto(`${stack.dashboardUrl}/espace/donnees`);
    expect(await axeViolations(page)).toEqual([]);
    const frHref = await page.locator('a[data-format="fr"]').getAttribute('href');
    const fr = await page.request.get(`${stack.dashboardUrl}${frHref}`);
    const frBytes = await fr.body();
    expect([...frBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(fr.headers()['content-disposition']).toContain('-dossiers.csv');
    const frText = frBytes.toString('utf8').slice(1);
    expect(frText.split('\r\n')[0]).toMatch(/^Année de référence;Clé de cas;Genre;Tranche d’âge/);
    expect(frText).toContain(';Exploitation par le travail;');
    expect(frText).not.toMatch(/;labour;|;female;/);
    const codesHref = await page.locator('a[data-format="codes"]').getAttribute('href');
    const codes = await (await page.request.get(`${stack.dashboardUrl}${codesHref}`)).text();
    expect(codes.split('\r\n')[0]).toMatch(/^reference_year,case_key,gender,age_band/);
    expect(codes).toContain(',labour,');

    await page.goto(`${stack.dashboardUrl}/en/space/data`);
    expect(await axeViolations(page)).toEqual([]);
    const enHref = await page.locator('a[data-format="en"]').getAttribute('href');
    expect(enHref).toContain('format=en');
    const en = (await (await page.request.get(`${stack.dashboardUrl}${enHref}`)).body()).toString('utf8').slice(1);
    expect(en.split('\r\n')[0]).toMatch(/^Reference year,Case key,Gender,Age band/);
    expect(en).toContain(',Labour exploitation,');
  });
});
