import type { LocalisedText } from '@observatoire/schema';

export type StatsErrorCode =
  | 'release_not_found'
  | 'year_not_in_release'
  | 'unsupported_filter'
  | 'unknown_code'
  | 'unknown_dimension'
  | 'no_data'
  | 'slug_taken'
  | 'invalid_slug'
  | 'invalid_rule'
  | 'unprotectable'
  | 'invalid_annotation'
  | 'invalid_notice'
  | 'association_not_found';

/** A user-facing error: French first, English second, with the HTTP status the API should answer. */
export class StatsError extends Error {
  constructor(
    readonly code: StatsErrorCode,
    readonly status: 400 | 404 | 409 | 500,
    readonly userMessage: LocalisedText,
  ) {
    super(userMessage.en);
    this.name = 'StatsError';
  }
}
