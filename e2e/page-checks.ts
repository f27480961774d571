/** What every suite asks of a page beside its own assertions: screenshots kept for review, and axe-core's findings. */
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Full-page screenshots of a suite, under e2e/test-results/<suite>/ (git-ignored). */
export function screenshotsOf(suite: string) {
  const dir = path.join(here, 'test-results', suite);
  return async (page: Page, name: string): Promise<void> => {
    await mkdir(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
  };
}

const require = createRequire(import.meta.url);

export interface AxeOptions {
  /** axe-core rule tags; WCAG 2.0 and 2.1, A and AA, unless told otherwise. */
  tags?: string[];
  /** Only findings of these impacts (every impact unless told otherwise). */
  impacts?: ('minor' | 'moderate' | 'serious' | 'critical')[];
}

/** axe-core's findings on the page, as "rule: targets" strings (empty = clean). */
export async function axeViolations(page: Page, opts: AxeOptions = {}): Promise<string[]> {
  const source = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol rather than a <script> tag, so the page's CSP does not block it.
  await page.evaluate(source);
  const tags = opts.tags ?? ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
  const result = await page.evaluate(async (values) => {
    const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe;
    return (await axe.run({ runOnly: { type: 'tag', values } })) as {
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
    };
  }, tags);
  return result.violations
    .filter((v) => !opts.impacts || (opts.impacts as string[]).includes(v.impact))
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
