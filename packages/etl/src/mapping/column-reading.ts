import { normaliseLabel, type ColumnReading } from '@observatoire/schema';
import { looksLikeFreeText } from '../privacy/identifiers.js';
import { safeRaw } from '../normalise/record.js';
import { isFalsy, isTruthy } from '../normalise/ticks.js';

/** Distinct values a column may have and still read as a category (past it, the column is `varied`). */
const MAX_CATEGORY_VALUES = 40;
/** Values longer than this are not category labels. */
const MAX_CATEGORY_LENGTH = 60;
/** Sample values a report shows per column. */
export const MAX_SAMPLES = 8;

interface Tally {
  nonEmpty: number;
  values: Map<string, number>;
  /** More distinct values than a category has, or a value too long or sentence-like: not a category. */
  varied: boolean;
}

export interface ColumnVerdict {
  reading: ColumnReading;
  /** Most frequent values, only for `one_hot` and `data` columns. */
  samples?: { value: string; count: number }[];
}

/**
 * Reads the cells of the columns no field was found for, to tell the association what they seem to hold: ticks of
 * a wide layout (X / oui / 1 / empty), a category worth mapping, or something else (identifiers, dates, notes),
 * whose values are never kept. Bounded: past MAX_CATEGORY_VALUES distinct values a column stops being tallied.
 */
export class ColumnReader {
  private readonly tallies = new Map<number, Tally>();
  /** The same, as arrays: `observe` runs once per row and loops over them without an iterator. */
  private readonly indices: number[];
  private readonly list: Tally[];

  constructor(columns: readonly number[]) {
    for (const i of columns) this.tallies.set(i, { nonEmpty: 0, values: new Map(), varied: false });
    this.indices = [...this.tallies.keys()];
    this.list = [...this.tallies.values()];
  }

  observe(cells: readonly string[]): void {
    const { indices, list } = this;
    for (let k = 0; k < indices.length; k++) {
      const t = list[k];
      const raw = cells[indices[k]];
      if (!raw) continue;
      const v = raw.trim();
      if (v === '') continue;
      t.nonEmpty++;
      if (t.varied) continue;
      const n = t.values.get(v);
      if (n !== undefined) {
        t.values.set(v, n + 1);
        continue;
      }
      if (t.values.size >= MAX_CATEGORY_VALUES || v.length > MAX_CATEGORY_LENGTH || looksLikeFreeText(v)) {
        t.varied = true;
        t.values.clear();
        continue;
      }
      t.values.set(v, 1);
    }
  }

  verdict(index: number): ColumnVerdict | null {
    const t = this.tallies.get(index);
    if (!t) return null;
    if (t.nonEmpty === 0) return { reading: 'empty' };
    if (t.varied) return { reading: 'varied' };
    const distinct = [...t.values.entries()];
    const keys = distinct.map(([v]) => normaliseLabel(v) || v);
    const samples = distinct
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, MAX_SAMPLES)
      .map(([value, count]) => ({ value: safeRaw(value), count }));
    if (keys.some(isTruthy) && keys.every((k) => isTruthy(k) || isFalsy(k))) return { reading: 'one_hot', samples };
    // Nearly one value per row (and more than a handful of rows): an identifier or a date, not a category.
    if (distinct.length > 3 && distinct.length > t.nonEmpty * 0.6) return { reading: 'varied' };
    return { reading: 'data', samples };
  }
}
