/**
 * Debian's Chromium as every browser test and benchmark here launches it: the flags these machines need and a
 * fresh profile each time (no cookie, cache or storage shared between sessions), deleted on close. Written in
 * TypeScript without extensionless imports, so that bench/*.mjs loads it too (Node strips the types).
 */
import { access, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Session {
  context: BrowserContext;
  close(): Promise<void>;
}

export interface ChromiumOptions {
  javaScriptEnabled?: boolean;
  acceptDownloads?: boolean;
  viewport?: { width: number; height: number };
  locale?: string;
  /** Names the profile's temporary folder (observatoire-<name>-…). */
  name?: string;
}

/** Fails with a message saying what to install rather than a stack trace from deep inside playwright. */
export async function assertChromium(): Promise<void> {
  try {
    await access(CHROMIUM_PATH);
  } catch {
    throw new Error(
      `Chromium introuvable à ${CHROMIUM_PATH} : installez-le avec « apt-get install -y chromium fonts-dejavu-core » ` +
        `(ou indiquez CHROMIUM_PATH). / Chromium not found at ${CHROMIUM_PATH}: install it with ` +
        `"apt-get install -y chromium fonts-dejavu-core" (or set CHROMIUM_PATH).`,
    );
  }
}

/** Chromium with a fresh profile, French locale and a 1280×900 window unless told otherwise. */
export async function launchChromium(opts: ChromiumOptions = {}): Promise<Session> {
  await assertChromium();
  const profile = await mkdtemp(path.join(os.tmpdir(), `observatoire-${opts.name ?? 'chromium'}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    acceptDownloads: opts.acceptDownloads ?? true,
    locale: opts.locale ?? 'fr-FR',
    viewport: opts.viewport ?? { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
