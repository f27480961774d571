import { launchChromium, type ChromiumOptions, type Session } from '../chromium';
import { watchCsp } from '../csp';

export type { Session } from '../chromium';

/** Chromium (../chromium.ts) with a fresh profile, generous waits and the Content-Security-Policy watched. */
export async function openBrowser(
  opts: Pick<ChromiumOptions, 'javaScriptEnabled' | 'acceptDownloads'> = {},
): Promise<Session> {
  const session = await launchChromium(opts);
  const { context } = session;
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
  return session;
}
