import { normaliseLabel } from '@observatoire/schema';
import { fieldForHeader } from './fields.js';

/** How many rows from the top are searched for the header (title rows, blank rows, legends above it). */
export const HEADER_SEARCH_ROWS = 30;

export function isBlankRow(cells: readonly string[]): boolean {
  for (const c of cells) if (c !== undefined && c.trim() !== '') return false;
  return true;
}

/**
 * Picks the header among the first rows: the row where most cells name a known field (at least two), ties going to
 * the earliest. Title rows ("Export des dossiers…") name at most one field and are passed over.
 */
export function detectHeaderRow(rows: readonly { row: number; cells: readonly string[] }[]): number | null {
  let best = -1;
  let bestScore = 1;
  rows.forEach((r, i) => {
    const seen = new Set<string>();
    for (const cell of r.cells) {
      const f = cell ? fieldForHeader(cell) : null;
      if (f) seen.add(f);
    }
    if (seen.size > bestScore) {
      bestScore = seen.size;
      best = i;
    }
  });
  return best >= 0 ? best : null;
}

/**
 * A totals row ("TOTAL", "Total général", "Sous-total 2023"): any cell of the row that starts with the word total.
 * Returns the number it declares, when it holds exactly one plausible count.
 */
const TOTAL_HINT = /^\s*(?:sous[\s-]*)?(?:grand[\s-]*)?tota/i;

export function totalRow(cells: readonly string[]): { declared: number | null } | null {
  // Cheap test on the raw cells first: this runs on every row, and normalising every cell cost more than parsing.
  let hint = false;
  for (const c of cells) {
    if (c && TOTAL_HINT.test(c)) {
      hint = true;
      break;
    }
  }
  if (!hint) return null;
  let isTotal = false;
  const numbers: number[] = [];
  for (const c of cells) {
    if (!c) continue;
    const n = normaliseLabel(c);
    if (/^(sous )?totaux?\b|^total\b|^grand total\b/.test(n)) isTotal = true;
    else if (/^\d+$/.test(c.trim())) numbers.push(Number(c.trim()));
  }
  if (!isTotal) return null;
  return { declared: numbers.length === 1 ? numbers[0] : null };
}
