/**
 * Issue 15, the volunteer's journey in Chromium against the real platform: a wide Excel export the platform has
 * never seen (one column per channel and per platform ticked X / oui / 1 / empty, ISO3 nationalities, a category
 * column, free-text notes) is uploaded, mapped by clicking on the preview's mapping screen (no JSON), previewed
 * again at once and confirmed; every channel and platform is counted. In French (association A) and in English
 * (association B, whose profile starts empty), axe-clean, with the keyboard and at 360 px.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type Session } from './space/browser';
import { axeViolations, fixtures, importIdOf, login, screenshot, waitForOutcome } from './space/helpers';
import { accounts, startSpaceStack, type SpaceStack } from './space/stack';
import { platformSuite } from './suite';

type YearCounts = { cases: number } & Record<'recruitmentChannels' | 'recruitmentPlatforms', Record<string, number>>;
const expected = JSON.parse(await readFile(path.join(fixtures, 'own', 'wide-one-hot.expected.json'), 'utf8')) as Record<
  string,
  YearCounts
>;
const total = (field: 'recruitmentChannels' | 'recruitmentPlatforms', code: string) =>
  Object.values(expected).reduce((n, y) => n + (y[field][code] ?? 0), 0);
const CASES = Object.values(expected).reduce((n, y) => n + y.cases, 0);

const ONE_HOT: Record<string, string> = {
  'Réseaux sociaux': 'wide:recruitmentChannels:social_network',
  Messagerie: 'wide:recruitmentChannels:messaging_app',
  'Petites annonces en ligne': 'wide:recruitmentChannels:classified_ads',
  Famille: 'wide:recruitmentChannels:family',
  Facebook: 'wide:recruitmentPlatforms:facebook',
  Insta: 'wide:recruitmentPlatforms:instagram',
  WhatsApp: 'wide:recruitmentPlatforms:whatsapp',
  Snap: 'wide:recruitmentPlatforms:snapchat',
};

const WORDS = {
  fr: {
    upload: '/espace/envoyer',
    send: 'Envoyer',
    confirm: 'Confirmer et enregistrer',
    save: 'Enregistrer mes choix et relancer l’aperçu',
    mapIt: 'choisir sa correspondance',
    profile: '/espace/correspondances',
    profileTitle: 'Mes correspondances',
    decide: /Avant de confirmer, choisissez ce que contiennent 9 colonnes/,
  },
  en: {
    upload: '/en/space/upload',
    send: 'Upload',
    confirm: 'Confirm and save',
    save: 'Save my choices and preview again',
    mapIt: 'choose its mapping',
    profile: '/en/space/mapping',
    profileTitle: 'My mappings',
    decide: /Before confirming, choose what 9 columns that seem to hold data contain/,
  },
};

let stack: SpaceStack;
/** One browser per language: each association logs in with its own cookies. */
const sessions: Session[] = [];

platformSuite(async (keep) => {
  stack = keep(await startSpaceStack());
  keep(async () => {
    for (const s of sessions) await s.close();
  });
});

/** The counts "what was understood" shows for a field, by code. */
async function understoodCounts(page: Page, field: string): Promise<Record<string, number>> {
  return page
    .locator(`section[data-field="${field}"] tr[data-code]`)
    .evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((r) => [
          r.getAttribute('data-code'),
          Number((r.querySelector('td.num')?.textContent ?? '').replace(/\D/g, '')),
        ]),
      ),
    );
}

async function noHorizontalScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

describe.each(['fr', 'en'] as const)('a wide Excel export mapped by clicking (%s)', (lang) => {
  const w = WORDS[lang];
  const account = lang === 'fr' ? accounts.a : accounts.b;
  let page: Page;

  it('previews the file, shows each column to decide with its values, and keeps "Confirm" disabled', async () => {
    const session = await openBrowser();
    sessions.push(session);
    page = await session.context.newPage();
    await login(page, stack.dashboardUrl, account.email, lang);
    await page.goto(`${stack.dashboardUrl}${w.upload}`);
    await page.locator('#file').setInputFiles(path.join(fixtures, 'own', 'wide-one-hot.xlsx'));
    await page.getByRole('button', { name: w.send, exact: true }).click();
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}/);
    await waitForOutcome(page);

    const screen = page.locator('section.mapping');
    await expect.poll(() => screen.locator('li[data-column]').count()).toBe(9);
    expect(await page.locator('p.decide').textContent()).toMatch(w.decide);
    expect(await page.getByRole('button', { name: w.confirm }).isDisabled()).toBe(true);
    // Each one-hot column starts from the code its title names; the category column waits for a choice.
    for (const [header, value] of Object.entries(ONE_HOT))
      expect(await screen.locator(`li[data-column="${header}"] select`).inputValue(), header).toBe(value);
    const orientation = screen.locator('li[data-column="Orientation"]');
    expect(await orientation.locator('select').inputValue()).toBe('');
    expect(await orientation.locator('.samples').textContent()).toMatch(/Hébergement/);
    // Values of the case id, the dates and the notes are never shown; the wrong suggestion is gone.
    const body = (await page.locator('main, body').first().textContent()) ?? '';
    expect(body).not.toMatch(/D0\d\d|Personne orientée|victime annoncee/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `mapping-${lang}-01-preview`);

    await page.setViewportSize({ width: 360, height: 800 });
    await noHorizontalScroll(page);
    await screenshot(page, `mapping-${lang}-02-preview-360`);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('maps by clicking and the keyboard, and previews again at once with nothing left to decide', async () => {
    const first = importIdOf(page);
    // "What was understood": one click from the unknown raw value to its select.
    const exploitation = page.locator('section[data-field="exploitationTypes"]');
    await exploitation.getByRole('link', { name: w.mapIt }).first().click();
    const focused = await page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.name ?? '');
    expect(focused).toBe(`map:exploitationTypes:${encodeURIComponent('TEH-S')}`);
    // The closest codes come first; "TEH-S" has none, so all codes are offered.
    await page.locator(`select[name="${focused}"]`).selectOption('sexual');

    // The category column decided with the keyboard: Tab reaches its select, a letter picks "ignore".
    const orientation = page.locator('li[data-column="Orientation"] select');
    await orientation.focus();
    await page.keyboard.press(lang === 'fr' ? 'r' : 'n');
    expect(await orientation.inputValue()).toBe('ignore');

    await page.getByRole('button', { name: w.save }).click();
    await page.waitForURL((u) => u.searchParams.has('correspondances') && !u.pathname.includes(first));
    await waitForOutcome(page);
    expect(await page.locator('section.mapping li[data-column]').count()).toBe(0);
    expect(await page.locator('p.decide').count()).toBe(0);
    expect(await page.getByRole('button', { name: w.confirm }).isEnabled()).toBe(true);
    expect(await page.locator('[data-count="new"]').textContent()).toBe(String(CASES));
    expect(await axeViolations(page)).toEqual([]);
  });

  it('confirms and loads every channel and platform', async () => {
    await page.getByRole('button', { name: w.confirm }).click();
    await page.waitForURL(/confirme=1/);
    await waitForOutcome(page);
    await expect
      .poll(() => page.locator('[data-count="loaded"]').textContent(), { timeout: 60_000 })
      .toBe(String(CASES));
    const channels = await understoodCounts(page, 'recruitmentChannels');
    for (const code of ['social_network', 'messaging_app', 'classified_ads', 'family'])
      expect(channels[code], code).toBe(total('recruitmentChannels', code));
    expect(channels.unknown).toBe(total('recruitmentChannels', 'unknown'));
    const platforms = await understoodCounts(page, 'recruitmentPlatforms');
    for (const code of ['facebook', 'instagram', 'whatsapp', 'snapchat'])
      expect(platforms[code], code).toBe(total('recruitmentPlatforms', code));
    const exploitation = await understoodCounts(page, 'exploitationTypes');
    expect(exploitation.unknown).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `mapping-${lang}-03-committed`);
  });

  it('shows the saved mappings, editable, with the JSON for the advanced user', async () => {
    await page.goto(`${stack.dashboardUrl}${w.profile}`);
    expect(await page.locator('h1').textContent()).toBe(w.profileTitle);
    for (const [header, value] of Object.entries(ONE_HOT))
      expect(await page.locator(`select[name="col:${encodeURIComponent(header)}"]`).inputValue(), header).toBe(value);
    expect(await page.locator(`select[name="col:Orientation"]`).inputValue()).toBe('ignore');
    expect(await page.locator(`select[name="map:exploitationTypes:TEH-S"]`).inputValue()).toBe('sexual');
    const json = JSON.parse(await page.locator('#profile-json').inputValue());
    expect(json.wide).toHaveLength(8);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 800 });
    await noHorizontalScroll(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.close();
  });
});
