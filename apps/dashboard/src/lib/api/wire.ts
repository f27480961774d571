import {
  breakdownSchema,
  releaseCompositionSchema,
  releaseSchema,
  seriesSetSchema,
  yearlySummarySchema,
  type ReleaseComposition,
  type YearlySummary,
} from '@observatoire/schema';
import { z } from 'zod';
import type { BreakdownPayload, Dimension, ReleaseInfo, SeriesPayload } from './types.js';

// Every API answer is parsed with the shared zod schemas of @observatoire/schema, then mapped to the few
// fields the dashboard renders, so a change in the wire format surfaces here and nowhere else.

export function parseReleases(body: unknown): ReleaseInfo[] {
  return z
    .array(releaseSchema)
    .parse(body)
    .filter((r): r is ReleaseInfo => r.status === 'published' && r.publishedAt !== null)
    .map((r) => ({ ...r, referenceYears: [...r.referenceYears].sort((a, b) => a - b) }));
}

export function parseSeries(body: unknown, dimension: Dimension, releaseId: string): SeriesPayload {
  const s = seriesSetSchema.parse(body);
  return {
    releaseId,
    dimension,
    // The API puts the yearly total ("cases", no dimension) first; charts show the dimension's codes only.
    series: s.series
      .filter((line) => line.dimension !== null && line.code !== null)
      .map((line) => ({
        code: line.code as string,
        label: line.label,
        group: line.group ?? undefined,
        points: line.points,
      })),
    total: s.series.find((line) => line.key === 'cases' && line.dimension === null)?.points ?? [],
  };
}

export function parseBreakdown(body: unknown, dimension: Dimension, releaseId: string, year: number): BreakdownPayload {
  const b = breakdownSchema.parse(body);
  return {
    releaseId,
    dimension,
    year,
    categories: b.items.map((i) => ({ code: i.code, label: i.label, group: i.group ?? undefined, cell: i.cell })),
    total: b.total,
  };
}

export function parseSummary(body: unknown): YearlySummary {
  return yearlySummarySchema.parse(body);
}

export function parseComposition(body: unknown): ReleaseComposition {
  return releaseCompositionSchema.parse(body);
}
