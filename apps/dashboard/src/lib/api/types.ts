import type {
  Breakdown,
  BreakdownDimension,
  BreakdownItem,
  LocalisedText,
  Release,
  Series,
  SeriesSet,
} from '@observatoire/schema';

/**
 * What the dashboard renders of the API's answers: the schema package's types (the API's wire format), narrowed to
 * what the pages use, so a change of the wire format surfaces in the type checks.
 */
export type { LocalisedText };

/** A published release (its publication date is set). */
export type ReleaseInfo = Release & { publishedAt: string };

/** One line of a chart: a series of one code of the dimension (the yearly total is left out). */
export type SeriesLine = Pick<Series, 'label' | 'points'> & { code: string; group?: string };

export interface SeriesPayload extends Pick<SeriesSet, 'releaseId'> {
  dimension: Dimension;
  series: SeriesLine[];
  /** The persons counted each year (the API's `cases` series, first of the set): the base of the shares. */
  total: Series['points'];
}

export interface BreakdownPayload extends Pick<Breakdown, 'releaseId' | 'total'> {
  dimension: Dimension;
  year: number;
  categories: (Pick<BreakdownItem, 'code' | 'label' | 'cell'> & { group?: string })[];
}

export type Dimension = BreakdownDimension;

/**
 * `offline` and `unknown` select lines of the channels chart; `online` and `not_online` are the views the release
 * publishes for the bar charts (docs/disclosure.md: the publication surface).
 */
export type ChannelGroup = 'all' | 'online' | 'offline' | 'unknown' | 'not_online';

/** The API is unreachable or answered garbage: pages show the bilingual "data unavailable" message. */
export class ApiUnavailableError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ApiUnavailableError';
  }
}

/** The API answered 404 for a release or a summary: the page shows "not found", not "API down". */
export class ApiNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiNotFoundError';
  }
}
