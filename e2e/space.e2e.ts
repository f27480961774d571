/**
 * The association space end to end, in Chromium against the real platform (PostgreSQL, API with its import
 * worker, dashboard): login, upload with preview and confirm, a file with row errors, a refused file with
 * personal data, history, records download, an upload without JavaScript, and the wall between two associations.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type Session } from './space/browser';
import {
  axeViolations,
  dropFile,
  fixtures,
  importIdOf,
  login,
  ownFixtures,
  screenshot,
  waitForOutcome,
} from './space/helpers';
import { createDataSource } from '@observatoire/db';
import { accounts, startSpaceStack, type SpaceStack } from './space/stack';
import { platformSuite } from './suite';

const expected = JSON.parse(await readFile(path.join(fixtures, 'expected.json'), 'utf8')) as {
  associations: Record<string, { cases: number }>;
};

let stack: SpaceStack;
let a: Session;
let pageA: Page;
const idsOfA: string[] = [];
const idsOfB: string[] = [];

platformSuite(async (keep) => {
  stack = keep(await startSpaceStack());
  a = keep(await openBrowser());
  pageA = await a.context.newPage();
});

describe('association space', () => {
  it('keeps what was typed while the page was still loading its scripts (hydration does not reset the form)', async () => {
    const early = await openBrowser();
    try {
      const page = await early.context.newPage();
      // The scripts that bring the page alive are held until the user has typed: a slow connection, made certain.
      let release = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/_app/immutable/**', async (route) => {
        await gate;
        await route.continue();
      });
      await page.goto(`${stack.dashboardUrl}/espace/connexion`, { waitUntil: 'domcontentloaded' });
      await page.getByLabel('Adresse e-mail').fill(accounts.b.email);
      await page.getByLabel('Mot de passe').fill('not-the-password');
      release();
      await page.waitForLoadState('networkidle');
      expect(await page.getByLabel('Adresse e-mail').inputValue()).toBe(accounts.b.email);
      expect(await page.getByLabel('Mot de passe').inputValue()).toBe('not-the-password');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('incorrect');
      expect(await page.getByLabel('Adresse e-mail').inputValue()).toBe(accounts.b.email);
    } finally {
      await early.close();
    }
  });

  it('refuses a wrong password with an announced message, then logs in', async () => {
    const page = pageA;
    await page.goto(`${stack.dashboardUrl}/espace`);
    // Not logged in: sent to the login page, with the way back kept.
    expect(new URL(page.url()).pathname).toBe('/espace/connexion');
    await page.getByLabel('Adresse e-mail').fill(accounts.a.email);
    await page.getByLabel('Mot de passe').fill('not-the-password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('incorrect');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-error');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '01-login-error');

    await login(page, stack.dashboardUrl, accounts.a.email);
    expect(new URL(page.url()).pathname).toBe('/espace');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Mes envois');
  });

  it('uploads by drag and drop, shows a preview, stores nothing until confirmed', async () => {
    const page = pageA;
    await page.goto(`${stack.dashboardUrl}/espace/envoyer`);
    expect(await axeViolations(page)).toEqual([]);
    // Before anything is sent, the page says what is kept and for how long (the API's own statement).
    const kept = (await page.locator('section.retention').textContent()) ?? '';
    expect(kept).toMatch(/supprimé dès la fin de son import.*24 h au plus.*pendant 30 jours/);
    expect(kept).toMatch(/tranche d’âge.*ne transmettez pas de dates de naissance/);
    await dropFile(page, '.dropzone', path.join(fixtures, 'aurore-paris-2019-2024.csv'), 'text/csv');
    await expect.poll(() => page.locator('.chosen').textContent()).toContain('aurore-paris-2019-2024.csv');
    await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await page.waitForURL(/\/espace\/imports\/[0-9a-f-]{36}/);
    const id = importIdOf(page);
    idsOfA.push(id);
    await waitForOutcome(page);
    await expect.poll(() => page.locator('#preview-title').textContent()).toContain('Aperçu');
    const cases = expected.associations['aurore-paris'].cases;
    expect(await page.locator('[data-count="new"]').textContent()).toBe(String(cases));
    expect(await page.locator('[data-count="replaced"]').textContent()).toBe('0');
    await screenshot(page, '02-preview');

    // Nothing stored yet: the records download holds no row.
    const before = await page.request.get(`${stack.dashboardUrl}/api/v1/records.csv`);
    expect(before.status()).toBe(200);
    expect((await before.text()).trim().split(/\r?\n/).length).toBe(1);

    await page.getByRole('button', { name: 'Confirmer et enregistrer' }).click();
    await page.waitForURL(/confirme=1/);
    // Confirming records the kept file as a new upload: its own report page.
    const confirmedId = importIdOf(page);
    expect(confirmedId).not.toBe(id);
    idsOfA.push(confirmedId);
    await waitForOutcome(page);
    await expect
      .poll(() => page.locator('[data-count="loaded"]').textContent(), { timeout: 60_000 })
      .toBe(String(cases));
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.locator('section.kept').textContent()).toMatch(/Le fichier envoyé a été supprimé/);
    await screenshot(page, '03-committed');

    const after = await page.request.get(`${stack.dashboardUrl}/api/v1/records.csv`);
    const csv = await after.text();
    expect(csv.trim().split(/\r?\n/).length).toBe(cases + 1);
  });

  it('lists the rows to fix with row, column and value, and offers them as a file', async () => {
    const page = pageA;
    await page.goto(`${stack.dashboardUrl}/espace/envoyer`);
    await page.getByLabel('Voir un aperçu avant d’enregistrer (recommandé)').uncheck();
    await page.locator('#file').setInputFiles(path.join(fixtures, 'bad', 'bad-values.csv'));
    await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await page.waitForURL(/\/espace\/imports\/[0-9a-f-]{36}/);
    idsOfA.push(importIdOf(page));
    await waitForOutcome(page);
    await expect.poll(() => page.locator('[data-count="rejected"]').textContent(), { timeout: 60_000 }).toBe('3');
    // A file with row errors stores nothing: its one correct row waits for the fixed file.
    expect(await page.locator('#failed-title').textContent()).toContain('Fichier non enregistré');
    expect(await page.locator('[data-count="loaded"]').textContent()).toBe('0');
    expect(await page.locator('[data-count="valid"]').textContent()).toBe('1');
    const table = page.locator('table.issues');
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows.some((r) => r.includes('Année') && r.includes('vingt'))).toBe(true);
    expect(rows.some((r) => r.includes('2099'))).toBe(true);
    expect(rows.some((r) => r.includes('250'))).toBe(true);
    await screenshot(page, '04-row-errors');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /lignes rejetées/ }).click(),
    ]);
    const file = await readFile((await download.path())!);
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.toString('utf8');
    expect(text).toContain('vingt');
    expect(text.split(/\r?\n/)[0]).toMatch(/Année/);
  });

  it('refuses a file with names and phone numbers, says why and keeps nothing', async () => {
    const page = pageA;
    await page.goto(`${stack.dashboardUrl}/espace/envoyer`);
    await page.locator('#file').setInputFiles(path.join(fixtures, 'bad', 'pii-names.csv'));
    await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await page.waitForURL(/\/espace\/imports\/[0-9a-f-]{36}/);
    idsOfA.push(importIdOf(page));
    await waitForOutcome(page);
    const section = page.locator('section[aria-labelledby="refused-title"]');
    await expect.poll(() => section.textContent(), { timeout: 60_000 }).toContain('Fichier refusé');
    const text = (await section.textContent()) ?? '';
    expect(text).toMatch(/Nom|Prénom|Téléphone|nom|téléphone/);
    expect(text).toContain('Aucune donnée de ce fichier n’a été conservée');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '05-refused');
  });

  it('shows the history with statuses and the upload in force per year', async () => {
    const page = pageA;
    await page.goto(`${stack.dashboardUrl}/espace`);
    const rows = page.locator('table.history tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(3);
    const committedRow = page.locator(`tr[data-import-id="${idsOfA[1]}"]`);
    expect(await committedRow.textContent()).toContain('Enregistré');
    expect(await committedRow.textContent()).toContain('Envoi en vigueur pour 2019');
    const rejectedRow = page.locator(`tr[data-import-id="${idsOfA[2]}"]`);
    expect(await rejectedRow.textContent()).toContain('À corriger');
    const refusedRow = page.locator(`tr[data-import-id="${idsOfA[3]}"]`);
    expect(await refusedRow.textContent()).toContain('Refusé');
    expect(await page.locator('table.current-by-year tbody tr').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '06-history');
  });

  it('uploads without JavaScript through the plain form', async () => {
    const b = await openBrowser({ javaScriptEnabled: false });
    try {
      const page = await b.context.newPage();
      await login(page, stack.dashboardUrl, accounts.b.email);
      await page.goto(`${stack.dashboardUrl}/espace/envoyer`);
      await page.getByLabel('Voir un aperçu avant d’enregistrer (recommandé)').uncheck();
      await page.locator('#file').setInputFiles(path.join(fixtures, 'safe-harbour-nice-export.csv'));
      await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
      await page.waitForURL(/\/espace\/imports\/[0-9a-f-]{36}/);
      idsOfB.push(importIdOf(page));
      // Without JavaScript the page refreshes itself (meta refresh) until the worker is done.
      await page.waitForSelector('[data-count="loaded"]', { timeout: 90_000 });
      expect(await page.locator('[data-count="loaded"]').textContent()).toBe(
        String(expected.associations['safe-harbour-nice'].cases),
      );
      await screenshot(page, '07-no-js-report');
    } finally {
      await b.close();
    }
  });

  it('keeps association B away from A’s uploads, through the pages and the API', async () => {
    const b = await openBrowser();
    try {
      const page = await b.context.newPage();
      await login(page, stack.dashboardUrl, accounts.b.email);
      for (const id of idsOfA) {
        const res = await page.goto(`${stack.dashboardUrl}/espace/imports/${id}`);
        expect(res?.status()).toBe(404);
        for (const suffix of ['', '/rejected.csv']) {
          const api = await page.request.get(`${stack.dashboardUrl}/api/v1/imports/${id}${suffix}`);
          expect(api.status()).toBe(404);
        }
        const confirm = await page.request.post(`${stack.dashboardUrl}/api/v1/imports/${id}/confirm`, {
          headers: { origin: stack.dashboardUrl },
        });
        expect([403, 404]).toContain(confirm.status());
      }
      await screenshot(page, '08-other-association-404');
      const list = await page.request.get(`${stack.dashboardUrl}/api/v1/imports`);
      expect(list.status()).toBe(200);
      const body = await list.text();
      for (const id of idsOfA) expect(body).not.toContain(id);
      for (const id of idsOfB) expect(body).toContain(id);

      await page.goto(`${stack.dashboardUrl}/espace`);
      const html = await page.content();
      for (const id of idsOfA) expect(html).not.toContain(id);

      // B's records are B's alone: as many rows as B's file has cases.
      const records = await page.request.get(`${stack.dashboardUrl}/api/v1/records.csv`);
      const lines = (await records.text()).trim().split(/\r?\n/);
      expect(lines.length).toBe(expected.associations['safe-harbour-nice'].cases + 1);

      // And A cannot reach B's upload either.
      for (const id of idsOfB) {
        const res = await pageA.goto(`${stack.dashboardUrl}/espace/imports/${id}`);
        expect(res?.status()).toBe(404);
      }
    } finally {
      await b.close();
    }
  });

  it('serves the space in English under /en/space', async () => {
    const page = pageA;
    await page.goto(`${stack.dashboardUrl}/en/space`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('My uploads');
    await page.goto(`${stack.dashboardUrl}/en/space/imports/${idsOfA[3]}`);
    expect(await page.locator('#refused-title').textContent()).toBe('File refused');
    await screenshot(page, '10-english-refused');
  });

  it('saves a value mapping into the profile from a warning and previews the file again', async () => {
    const page = pageA;
    await page.goto(`${stack.dashboardUrl}/espace/envoyer`);
    await page.locator('#file').setInputFiles(path.join(ownFixtures, 'unknown-platform.csv'));
    await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await page.waitForURL(/\/espace\/imports\/[0-9a-f-]{36}/);
    const first = importIdOf(page);
    await waitForOutcome(page);
    const warnings = page.locator('ul.warnings');
    await expect.poll(() => warnings.textContent(), { timeout: 60_000 }).toMatch(/Kikou/);
    expect(await warnings.textContent()).toContain('2 lignes');
    await screenshot(page, '11-warnings');

    const select = page.getByLabel(/« Kikou » \(colonne « Plateforme »/);
    await select.selectOption('other');
    await page.getByRole('button', { name: 'Enregistrer mes choix et relancer l’aperçu' }).click();
    await page.waitForURL(/correspondances=1/);
    const second = importIdOf(page);
    expect(second).not.toBe(first);
    await expect.poll(() => page.locator('#preview-title').textContent()).toContain('Aperçu');
    expect(await page.locator('ul.warnings').count()).toBe(0);
    expect(await page.locator('[data-count="new"]').textContent()).toBe('3');

    // The first preview is closed: only the newest one can be confirmed.
    await page.goto(`${stack.dashboardUrl}/espace/imports/${first}`);
    expect(await page.getByRole('button', { name: 'Confirmer et enregistrer' }).count()).toBe(0);
    expect(await page.locator('.meta').textContent()).toContain('Aperçu clos');

    const profile = await page.request.get(`${stack.dashboardUrl}/api/v1/associations/me/mapping-profile`);
    expect(await profile.json()).toMatchObject({ values: { recruitmentPlatforms: { Kikou: 'other' } } });
  });
});

describe('an import a crash interrupted', () => {
  it('ends failed with a report saying to upload again; the history, its page and the admin list still render', async () => {
    // What a worker killed mid-load leaves: a batch in `loading` without a report, whose lock nobody holds. The
    // next import (or a worker's start) ends it.
    const ds = await createDataSource(stack.databaseUrl).initialize();
    let id: string;
    try {
      [{ id }] = await ds.query(
        `INSERT INTO import_batch (association_id, content_hash, status, original_name)
         SELECT id, 'crashed-e2e', 'loading', 'suivi-2024.xlsx' FROM association WHERE slug = $1 RETURNING id`,
        [accounts.a.slug],
      );
    } finally {
      await ds.destroy();
    }
    const page = pageA;
    await page.goto(`${stack.dashboardUrl}/espace/envoyer`);
    await page.locator('#file').setInputFiles(path.join(ownFixtures, 'unknown-platform.csv'));
    await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await page.waitForURL(/\/espace\/imports\/[0-9a-f-]{36}/);
    await waitForOutcome(page);

    const history = await page.goto(`${stack.dashboardUrl}/espace`);
    expect(history?.status()).toBe(200);
    const report = await page.goto(`${stack.dashboardUrl}/espace/imports/${id}`);
    expect(report?.status()).toBe(200);
    expect(await page.locator('#failed-title').textContent()).toContain('Le traitement a échoué');
    expect(await page.locator('main').textContent()).toMatch(/interrompu.*Envoyez-le à nouveau/);
    const api = await page.request.get(`${stack.dashboardUrl}/api/v1/imports`);
    expect(api.status()).toBe(200);
    const en = await page.goto(`${stack.dashboardUrl}/en/space/imports/${id}`);
    expect(en?.status()).toBe(200);
    expect(await page.locator('main').textContent()).toMatch(/interrupted.*Upload it again/);
  });
});

describe('admin space', () => {
  it('shows associations, accounts, who uploaded for which year and the failures', async () => {
    const admin = await openBrowser();
    try {
      const page = await admin.context.newPage();
      // A member is not an admin.
      const forbidden = await pageA.goto(`${stack.dashboardUrl}/admin`);
      expect(forbidden?.status()).toBe(403);

      await login(page, stack.dashboardUrl, accounts.admin.email);
      expect(new URL(page.url()).pathname).toBe('/admin');
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).toContain(accounts.a.name);
      expect(text).toContain(accounts.b.name);
      expect(text).toContain(accounts.a.email);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, '12-admin-home');

      await page.goto(`${stack.dashboardUrl}/admin/imports`);
      const matrix = (await page.locator('table.matrix').textContent()) ?? '';
      expect(matrix).toContain('2019');
      const failures = (await page.locator('table.failures').textContent()) ?? '';
      expect(failures).toContain('Refusé');
      await screenshot(page, '13-admin-imports');

      // Publishing a release with its notes, from the admin pages.
      await page.goto(`${stack.dashboardUrl}/admin/publications`);
      await page.getByLabel('Titre (facultatif) (français)').fill('Édition de test');
      await page.getByLabel('Notes de publication (français)').fill('Première publication du test de bout en bout.');
      await page.getByRole('button', { name: 'Publier' }).click();
      const notice = page.getByRole('status');
      await expect.poll(() => notice.textContent(), { timeout: 60_000 }).toContain('Publication créée');
      await page.goto(`${stack.dashboardUrl}/admin/publications`);
      const releases = (await page.locator('main table').textContent()) ?? '';
      expect(releases).toContain('Édition de test');
      expect(releases).toContain('Première publication du test de bout en bout.');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, '14-admin-release');
    } finally {
      await admin.close();
    }
  });
});
