/**
 * What a chart draws, read from its SVG in Chromium (issue 11, "charts that keep every year"): the years that have
 * at least one published value drawn, the withheld values marked (series and year), hatched columns, and for bars
 * the length of every bar and what a withheld one shows.
 */
import type { Locator } from 'playwright-core';
import type { SeriesSet } from '@observatoire/schema';

export interface DrawnTime {
  view: string;
  /** Years with at least one published value drawn (a line's marker or a band). */
  years: number[];
  /** Series drawn (lines or bands). */
  keys: string[];
  /** Withheld values marked under the axis: `key year`. */
  withheld: string[];
  /** Hatched rectangles spanning a whole year (must be none). */
  columns: number;
  /** Share view: each marker's value, `key year` -> value. */
  values: Record<string, number>;
}

export async function drawnTime(svg: Locator): Promise<DrawnTime> {
  return svg.evaluate((el) => {
    const years = new Set<number>();
    const values: Record<string, number> = {};
    for (const m of el.querySelectorAll('.lines path.marker[data-year]')) {
      years.add(Number(m.getAttribute('data-year')));
      values[`${m.getAttribute('data-key')} ${m.getAttribute('data-year')}`] = Number(m.getAttribute('data-value'));
    }
    for (const p of el.querySelectorAll('.areas path[data-years]'))
      for (const y of (p.getAttribute('data-years') ?? '').split(' ').filter(Boolean)) years.add(Number(y));
    const keys = [
      ...el.querySelectorAll('.lines .series[data-key]'),
      ...el.querySelectorAll('.areas path[data-fill][data-key]'),
    ].map((g) => g.getAttribute('data-key')!);
    const withheld = [...el.querySelectorAll('.withheld-row path.withheld')].map(
      (w) => `${w.getAttribute('data-key')} ${w.getAttribute('data-year')}`,
    );
    return {
      view: el.getAttribute('data-view') ?? '',
      years: [...years].sort((a, b) => a - b),
      keys,
      withheld: withheld.sort(),
      columns: el.querySelectorAll('rect.withheld').length,
      values,
    };
  });
}

export interface DrawnBar {
  key: string;
  withheld: boolean;
  /** Widths of the rectangles that are bars (not the placeholder). */
  bars: number[];
  /** The placeholder's width and height (a withheld category), or null. */
  placeholder: { w: number; h: number } | null;
  text: string;
}

export async function drawnBars(svg: Locator): Promise<DrawnBar[]> {
  return svg.evaluate((el) =>
    [...el.querySelectorAll('.bars .bar')].map((g) => {
      const rects = [...g.querySelectorAll('rect')];
      const ph = rects.find((r) => r.getAttribute('class') === 'placeholder');
      return {
        key: g.getAttribute('data-key') ?? '',
        withheld: g.getAttribute('data-withheld') === 'true',
        bars: rects.filter((r) => r !== ph).map((r) => Number(r.getAttribute('width'))),
        placeholder: ph ? { w: Number(ph.getAttribute('width')), h: Number(ph.getAttribute('height')) } : null,
        text: [...g.querySelectorAll('text')].map((t) => t.textContent ?? '').join(' '),
      };
    }),
  );
}

/** The withheld cells (`code year`) of the API's series for the codes a chart draws. */
export function withheldCells(set: SeriesSet, keys: string[]): string[] {
  return set.series
    .filter((s) => s.code !== null && keys.includes(s.code))
    .flatMap((s) => s.points.filter((p) => 'suppressed' in p.cell).map((p) => `${s.code} ${p.year}`))
    .sort();
}

/** The persons counted each year (the API's `cases` series), the base of the shares. */
export function persons(set: SeriesSet): Map<number, number | null> {
  const cases = set.series.find((s) => s.key === 'cases' && s.dimension === null);
  return new Map((cases?.points ?? []).map((p) => [p.year, 'value' in p.cell ? p.cell.value : null]));
}
