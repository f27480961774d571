import { launchChromium, type ChromiumOptions, type Session } from '../chromium';
import { watchCsp } from '../csp';
import { axeViolations, screenshotsOf } from '../page-checks';

export type { Session } from '../chromium';

/** Chromium (../chromium.ts) with the page's Content-Security-Policy violations watched. */
export async function openBrowser(
  opts: Pick<ChromiumOptions, 'javaScriptEnabled' | 'viewport' | 'locale'> = {},
): Promise<Session> {
  const session = await launchChromium({ ...opts, name: 'public-chromium' });
  watchCsp(session.context);
  return session;
}

export const screenshot = screenshotsOf('public');
export { axeViolations };
