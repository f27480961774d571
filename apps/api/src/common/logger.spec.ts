import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
import { requestLogWriter } from './logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  // The options main.ts gives Fastify's logger (the destination aside).
  const log = pino({ level: 'info', serializers: { req: () => ({}), res: () => ({}) } }, stream);
  return { log, lines };
}

describe('requestLogWriter', () => {
  afterEach(() => vi.useRealTimers());

  it('writes the bytes pino writes for the same request line', async () => {
    vi.useFakeTimers({ now: new Date('2026-07-30T08:00:00Z'), toFake: ['Date'] });
    const ours = capture();
    const theirs = capture();
    theirs.log
      .child({ reqId: 'abc-123_4.5678' })
      .info({ method: 'GET', route: '/api/v1/stats/series', status: 200, ms: 3 }, 'request');
    theirs.log.child({ reqId: 'x"y' }).info({ method: 'HEAD', route: 'unmatched', status: 404, ms: 0 }, 'request');
    const write = requestLogWriter(ours.log as unknown as FastifyBaseLogger);
    write('abc-123_4.5678', 'GET', '/api/v1/stats/series', 200, 3);
    write('x"y', 'HEAD', 'unmatched', 404, 0);
    await new Promise((r) => setImmediate(r));
    expect(theirs.lines).toHaveLength(2);
    // The lines of one turn of the event loop reach the destination as one write.
    expect(ours.lines).toEqual([theirs.lines.join('')]);
    expect(JSON.parse(theirs.lines[0])).toMatchObject({ reqId: 'abc-123_4.5678', route: '/api/v1/stats/series' });
  });

  it('writes each turn of the event loop in its own write, in order', async () => {
    const { log, lines } = capture();
    const write = requestLogWriter(log as unknown as FastifyBaseLogger);
    write('first-request', 'GET', '/a', 200, 1);
    await new Promise((r) => setImmediate(r));
    write('second-request', 'GET', '/b', 200, 1);
    write('third-request', 'GET', '/c', 304, 0);
    await new Promise((r) => setImmediate(r));
    expect(lines).toHaveLength(2);
    const ids = lines.flatMap((chunk) =>
      chunk
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).reqId),
    );
    expect(ids).toEqual(['first-request', 'second-request', 'third-request']);
  });

  it('writes nothing when the level is above info', async () => {
    const { log, lines } = capture();
    log.level = 'warn';
    requestLogWriter(log as unknown as FastifyBaseLogger)('id', 'GET', '/', 200, 0);
    await new Promise((r) => setImmediate(r));
    expect(lines).toEqual([]);
  });
});
