/**
 * Errors raised by the ETL pipeline (readers, mapping, normalisation, privacy guard, loader).
 *
 * Every user-facing failure is an `EtlError`: a stable machine `code`, a French-then-English text that says
 * what to do (`text`, serialised as `message` by `toJSON()` so an import report issue reads
 * `{ code, message: { fr, en }, row?, column?, rawValue? }`), and where it happened. `Error.message` holds both
 * languages joined (French first) so that logs stay readable; never show `stack` to a user.
 */
import type { LocalisedText } from '@observatoire/schema';

/** The schema's French-and-English text, re-exported for the ETL's users. */
export type { LocalisedText };

export interface EtlErrorDetails {
  /** 1-based physical row/line number as the user sees it in Excel or a text editor. */
  row?: number;
  /** Column: 1-based index when only the position is known, or the header text. */
  column?: number | string;
  /** The offending raw value, truncated (see `MAX_RAW_VALUE_LENGTH`). */
  rawValue?: string;
  cause?: unknown;
}

/** Raw values quoted in errors are truncated so that an error never carries a 20 MB cell. */
export const MAX_RAW_VALUE_LENGTH = 200;

export class EtlError extends Error {
  readonly code: string;
  readonly text: LocalisedText;
  readonly row?: number;
  readonly column?: number | string;
  readonly rawValue?: string;

  constructor(code: string, text: LocalisedText, details: EtlErrorDetails = {}) {
    super(`${text.fr} | ${text.en}`, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'EtlError';
    this.code = code;
    this.text = text;
    if (details.row !== undefined) this.row = details.row;
    if (details.column !== undefined) this.column = details.column;
    if (details.rawValue !== undefined) this.rawValue = truncateRawValue(details.rawValue);
  }

  /** The shape an import report carries: no stack, no cause. */
  toJSON(): {
    code: string;
    message: LocalisedText;
    row?: number;
    column?: number | string;
    rawValue?: string;
  } {
    return {
      code: this.code,
      message: this.text,
      ...(this.row !== undefined && { row: this.row }),
      ...(this.column !== undefined && { column: this.column }),
      ...(this.rawValue !== undefined && { rawValue: this.rawValue }),
    };
  }
}

export function isEtlError(value: unknown): value is EtlError {
  return value instanceof EtlError;
}

export function truncateRawValue(value: string): string {
  return value.length > MAX_RAW_VALUE_LENGTH ? `${value.slice(0, MAX_RAW_VALUE_LENGTH)}…` : value;
}
