import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

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
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  } satisfies Session;
}
