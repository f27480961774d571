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
    const { log, lines } = capture();
    log
      .child({ reqId: 'abc-123_4.5678' })
      .info({ method: 'GET', route: '/api/v1/stats/series', status: 200, ms: 3 }, 'request');
    requestLogWriter(log as unknown as FastifyBaseLogger)('abc-123_4.5678', 'GET', '/api/v1/stats/series', 200, 3);
    log.child({ reqId: 'x"y' }).info({ method: 'HEAD', route: 'unmatched', status: 404, ms: 0 }, 'request');
    requestLogWriter(log as unknown as FastifyBaseLogger)('x"y', 'HEAD', 'unmatched', 404, 0);
    await new Promise((r) => setImmediate(r));
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(lines[0]);
    expect(lines[3]).toBe(lines[2]);
    expect(JSON.parse(lines[0])).toMatchObject({ reqId: 'abc-123_4.5678', route: '/api/v1/stats/series' });
  });

  it('writes nothing when the level is above info', async () => {
    const { log, lines } = capture();
    log.level = 'warn';
    requestLogWriter(log as unknown as FastifyBaseLogger)('id', 'GET', '/', 200, 0);
    await new Promise((r) => setImmediate(r));
    expect(lines).toEqual([]);
  });
});
