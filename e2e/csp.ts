/**
 * Content-Security-Policy violations seen by Chromium in any page of an end-to-end journey: Chromium reports
 * each one on the console ("Refused to execute inline script because it violates the following Content
 * Security Policy directive…"), and a page reports it to itself as a `securitypolicyviolation` event. Every
 * suite asks after each test that there were none, so a script or style the policy blocks cannot slip in.
 */
import type { BrowserContext } from 'playwright-core';

const seen: string[] = [];

export function watchCsp(context: BrowserContext): void {
  // Through the DevTools protocol, as axe-core is: the page's own policy does not apply to this script.
  void context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  context.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) {
      seen.push(`${m.page()?.url() ?? '?'}: ${m.text()}`);
    }
  });
}

/** The violations since the last call (and forgets them). */
export function takeCspViolations(): string[] {
  return seen.splice(0);
}
