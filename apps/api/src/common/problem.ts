import { HttpException } from '@nestjs/common';
import { codeForStatus, messages, type MessageCode } from './messages.js';

/** One field-level problem (validation), French and English. */
export interface FieldIssue {
  path: string;
  message: { fr: string; en: string };
}

/** RFC 9457 problem details, with our stable code and the catalogue's two languages. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: MessageCode;
  messages: { fr: string; en: string };
  instance?: string;
  requestId?: string;
  errors?: FieldIssue[];
}

/** The error services throw: a status and a catalogue code, never a free-form (possibly internal) text. */
export class ApiProblem extends HttpException {
  /** Seconds for the Retry-After header of a 429 or 503. */
  retryAfterSeconds?: number;

  constructor(
    status: number,
    readonly code: MessageCode,
    readonly errors?: FieldIssue[],
    /** A precise user-facing text from a domain package (stats, ETL), already French and English. */
    readonly text?: { fr: string; en: string },
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
  text?: { fr: string; en: string },
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
