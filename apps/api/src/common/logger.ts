import type { LoggerService } from '@nestjs/common';
import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';

/** Nest's own messages (bootstrap, errors) through the same pino JSON stream as requests. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: FastifyBaseLogger) {}
  log(message: unknown, context?: string) {
    this.pino.debug({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.pino.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.pino.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.pino.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.pino.trace({ context }, String(message));
  }
}

type LineWriter = { write(line: string): unknown; flushSync?(): void };

/** What request log writers still hold when the process exits (one listener for all of them). */
const atExit = new Set<() => void>();
process.once('exit', () => {
  for (const write of atExit) {
    try {
      write();
    } catch {
      // A destination not ready or already closed: nothing more can be done while exiting.
    }
  }
});

/**
 * The one log line per request, written to pino's own destination as the JSON pino writes for
 * `req.log.info({ method, route, status, ms }, 'request')` (same keys, same order, same bindings), without pino's
 * generic per-key serialisation (runs with the request log off served cached public reads 10-20 % faster). Only for a logger
 * with pino's default level names, time and message key, as main.ts creates it (a unit test pins the bytes).
 *
 * The lines of one turn of the event loop go to the destination as one write, at the end of that turn
 * (setImmediate): pino's buffered destination measures its pending text on every write, so a line at a time cost
 * more under load than building the line. Lines still waiting when the process exits are written synchronously.
 */
export function requestLogWriter(fastifyLog: FastifyBaseLogger) {
  const log = fastifyLog as unknown as pino.Logger & Record<symbol, unknown>;
  const chindings = (log[pino.symbols.chindingsSym] as string | undefined) ?? '';
  const stream = log[pino.symbols.streamSym] as LineWriter;
  const level = log.levels.values.info;
  let pending = '';
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending === '') return;
    const lines = pending;
    pending = '';
    stream.write(lines);
  };
  atExit.add(() => {
    flush();
    stream.flushSync?.();
  });
  return (reqId: string, method: string, route: string, status: number, ms: number): void => {
    if (!log.isLevelEnabled('info')) return;
    pending +=
      `{"level":${level},"time":${Date.now()}${chindings},"reqId":${JSON.stringify(reqId)},"method":${JSON.stringify(method)},` +
      `"route":${JSON.stringify(route)},"status":${status},"ms":${ms},"msg":"request"}\n`;
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
}
