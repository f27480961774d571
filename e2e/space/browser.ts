import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { watchCsp } from '../csp';

export interface Session {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Debian's Chromium with a fresh profile: nothing shared between sessions (cookies, cache). */
export async function openBrowser(opts: { javaScriptEnabled?: boolean; acceptDownloads?: boolean } = {}) {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'observatoire-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
    acceptDownloads: opts.acceptDownloads ?? true,
    locale: 'fr-FR',
    viewport: { width: 1280, height: 900 },
  });
  // Two cores shared by a whole team: waits are generous so that a busy machine does not fail the journey.
  context.setDefaultTimeout(60_000);
  watchCsp(context);
  if (process.env.E2E_VERBOSE === '1') {
    context.on('page', (page) => {
      page.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text()}`));
      page.on('pageerror', (e) => console.log(`[browser pageerror] ${e.message}`));
      page.on('requestfailed', (r) => console.log(`[browser requestfailed] ${r.url()} ${r.failure()?.errorText}`));
    });
  }
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  } satisfies Session;
}
