import { ArgumentsHost, Catch, HttpException, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './database-errors.js';
import { ApiProblem, problemOf } from './problem.js';
import type { MessageCode } from './messages.js';

/** Turns any error into application/problem+json; only the status and our catalogue text reach the client. */
export function sendProblem(req: FastifyRequest, reply: FastifyReply, err: unknown): void {
  let status = 500;
  let code: MessageCode | undefined;
  let errors: ApiProblem['errors'];
  let text: ApiProblem['text'];
  let retryAfter: number | undefined;
  if (err instanceof ApiProblem) {
    status = err.getStatus();
    code = err.code;
    errors = err.errors;
    text = err.text;
    retryAfter = err.retryAfterSeconds;
  } else if (err instanceof HttpException) {
    status = err.getStatus();
  } else if (err && typeof err === 'object' && 'statusCode' in err && typeof err.statusCode === 'number') {
    // Fastify and its plugins (body limits, multipart, rate limit) carry a status code.
    status = err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
  }
  if (status === 500 && isDatabaseUnavailable(err)) {
    // Not a fault of ours nor of the request: the same request works once PostgreSQL is back.
    status = 503;
    code = 'database_unavailable';
    retryAfter = DATABASE_RETRY_AFTER_SECONDS;
    const e = err instanceof Error ? err : new Error(String(err));
    req.log.warn({ error: { type: e.name, message: e.message } }, 'database unavailable');
  } else if (status >= 500) {
    // Name, message and stack only: driver errors carry query parameters (which may hold personal data).
    const e = err instanceof Error ? err : new Error(String(err));
    req.log.error({ error: { type: e.name, message: e.message, stack: e.stack } }, 'request failed');
  }
  const body = { ...problemOf(status, code, errors, text), instance: req.url.split('?')[0], requestId: String(req.id) };
  if (reply.sent) return;
  if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
  else if (status === 429 && !reply.hasHeader('retry-after')) reply.header('retry-after', '60');
  reply
    .status(status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .header('cache-control', 'no-store');
  reply.send(JSON.stringify(body));
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    sendProblem(ctx.getRequest<FastifyRequest>(), ctx.getResponse<FastifyReply>(), exception);
  }
}
