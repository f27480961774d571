import type { ImportIssue } from '@observatoire/schema';
import { msg } from '../messages.js';
import { issue } from './state.js';

/**
 * Rows whose number of cells differs from the header's. A row with more cells than the header has columns loses
 * the extra ones (they have no column title); one with fewer is read with the missing cells empty. Both are said in
 * the report with their first rows. Fewer cells are only counted in delimited text: a spreadsheet row simply ends
 * at its last filled cell.
 */
export class RaggedRows {
  private static readonly SHOWN = 10;
  private readonly width: number;
  private readonly filled: number;
  private readonly long = { count: 0, rows: [] as number[] };
  private readonly short = { count: 0, rows: [] as number[] };

  constructor(
    headers: readonly string[],
    private readonly countShort: boolean,
  ) {
    this.width = headers.length;
    // Trailing untitled header cells ("a;b;c;;") do not make shorter rows ragged.
    let filled = headers.length;
    while (filled > 0 && (headers[filled - 1] ?? '').trim() === '') filled--;
    this.filled = filled;
  }

  observe(row: number, cells: readonly string[]): void {
    if (cells.length > this.width) {
      for (let i = this.width; i < cells.length; i++) {
        if ((cells[i] ?? '').trim() !== '') {
          this.add(this.long, row);
          return;
        }
      }
    } else if (this.countShort && cells.length < this.filled) this.add(this.short, row);
  }

  private add(group: { count: number; rows: number[] }, row: number): void {
    group.count++;
    if (group.rows.length < RaggedRows.SHOWN) group.rows.push(row);
  }

  issues(): ImportIssue[] {
    const out: ImportIssue[] = [];
    for (const [group, more] of [
      [this.long, true],
      [this.short, false],
    ] as const) {
      if (group.count === 0) continue;
      out.push(
        issue(
          more ? 'ragged_row_long' : 'ragged_row_short',
          'warning',
          msg.raggedRows(this.filled, group.count, group.rows, more),
          {
            count: group.count,
            rows: group.rows,
            row: group.rows[0],
          },
        ),
      );
    }
    return out;
  }
}
