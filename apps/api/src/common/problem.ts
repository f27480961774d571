import { HttpException } from '@nestjs/common';
import type { FieldIssue, LocalisedText, Problem } from '@observatoire/schema';
import { codeForStatus, messages, type MessageCode } from './messages.js';

export type { FieldIssue };

/** RFC 9457 problem details (the schema package's `Problem`), with a code from our catalogue. */
export type ProblemDetails = Problem & { code: MessageCode };

/** The error services throw: a status and a catalogue code, never a free-form (possibly internal) text. */
export class ApiProblem extends HttpException {
  /** Seconds for the Retry-After header of a 429 or 503. */
  retryAfterSeconds?: number;

  constructor(
    status: number,
    readonly code: MessageCode,
    readonly errors?: FieldIssue[],
    /** A precise user-facing text from a domain package (stats, ETL), already French and English. */
    readonly text?: LocalisedText,
  ) {
    super((text ?? messages[code]).en, status);
  }

  withRetryAfter(seconds: number): this {
    this.retryAfterSeconds = Math.max(1, Math.ceil(seconds));
    return this;
  }
}

export function problemOf(
  status: number,
  code: MessageCode = codeForStatus(status),
  errors?: FieldIssue[],
  text?: LocalisedText,
) {
  const m = text ?? messages[code];
  const body: ProblemDetails = {
    type: `urn:observatoire:problem:${code}`,
    title: `${m.fr} / ${m.en}`,
    status,
    detail: `${m.fr}\n${m.en}`,
    code,
    messages: { fr: m.fr, en: m.en },
  };
  if (errors?.length) body.errors = errors;
  return body;
}
