import type { Cell } from '@observatoire/charts';
import type { BreakdownDimension } from '@observatoire/schema';

/**
 * What the dashboard needs from the API, after parsing with @observatoire/schema and mapping in client.ts.
 * Components only ever see these shapes, so a change of wire format stays inside the client.
 */
export interface LocalisedText {
  fr: string;
  en: string;
}

export interface ReleaseInfo {
  /** uuid, what the API takes. */
  id: string;
  /** Human id shown to readers and in citations, e.g. "2025-07-30". */
  slug: string;
  title: LocalisedText;
  publishedAt: string;
  referenceYears: number[];
  /** Fictional demo data is loaded: the dashboard shows a banner. */
  demo: boolean;
  disclosure: { threshold: number; platformThreshold: number; minAssociations: number };
  contributingAssociations: number;
  files: { referenceYear: number; format: 'csv' | 'xlsx' | 'json' | 'pdf'; url: string; bytes?: number }[];
}

export interface SeriesLine {
  code: string;
  label: LocalisedText;
  group?: string;
  points: { year: number; cell: Cell }[];
}

export interface SeriesPayload {
  releaseId: string;
  dimension: string;
  series: SeriesLine[];
}

export interface BreakdownPayload {
  releaseId: string;
  dimension: string;
  year: number;
  categories: { code: string; label: LocalisedText; group?: string; cell: Cell }[];
  total: Cell | null;
}

export type Dimension = BreakdownDimension;

export type ChannelGroup = 'all' | 'online' | 'offline' | 'unknown';

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
