/**
 * The hooks every end-to-end suite registers: its platform (and browser) started once before the tests, no
 * Content-Security-Policy violation after each test, and everything it started closed afterwards, in the reverse
 * order, even when the start failed half-way.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { takeCspViolations } from './csp';

/** Something a suite starts and must close: a stack (`stop`), a browser session (`close`) or a clean-up step. */
export type Closable = { stop(): Promise<unknown> } | { close(): Promise<unknown> } | (() => Promise<unknown>);

/** Registers `thing` to be closed after the suite and hands it back. */
export type Keep = <T extends Closable>(thing: T) => T;

function closeOf(thing: Closable): () => Promise<unknown> {
  if (typeof thing === 'function') return thing;
  return 'stop' in thing ? () => thing.stop() : () => thing.close();
}

/**
 * `start` runs once before the suite (within the stack's start bound of 5 minutes) and passes what it opens
 * through `keep`; after the suite they are closed last-opened first, every one even if another fails.
 */
export function platformSuite(start: (keep: Keep) => Promise<void>): void {
  const opened: Closable[] = [];
  beforeAll(
    () =>
      start((thing) => {
        opened.push(thing);
        return thing;
      }),
    300_000,
  );

  // No page of the journey may break the Content-Security-Policy (a blocked script or style).
  afterEach(() => expect(takeCspViolations()).toEqual([]));

  afterAll(async () => {
    const failures: unknown[] = [];
    for (const thing of opened.splice(0).reverse()) {
      await closeOf(thing)().catch((err: unknown) => failures.push(err));
    }
    if (failures.length > 0) throw failures[0];
  }, 60_000);
}
