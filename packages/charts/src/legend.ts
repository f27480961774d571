import { AXIS_FONT_SIZE } from './axis.js';
import type { SeriesStyle } from './palette.js';
import { measureText, widestLine, wrapText } from './text.js';
import type { SeriesGroup } from './types.js';

/** What the legend shows for one series: its label and the same style the plot draws it with. */
export interface LegendEntry {
  key: string;
  label: string;
  style: SeriesStyle;
  group?: SeriesGroup;
}

export interface LegendItemLayout extends LegendEntry {
  x: number;
  /** Top of the item; its label lines are centred on `lineYs`, the key on the first line. */
  y: number;
  lines: string[];
  lineYs: number[];
  textX: number;
  width: number;
  height: number;
}

export interface LegendLayout {
  items: LegendItemLayout[];
  /** Group headings (bold), when the entries carry groups. */
  headings: { key: string; text: string; x: number; y: number; lines: string[]; lineYs: number[] }[];
  height: number;
}

export interface LegendOptions {
  x: number;
  y: number;
  width: number;
  fontSize?: number;
  /** Width of the key (a line segment with the series marker, or a filled square for areas). */
  keyWidth?: number;
}

/**
 * Lays a legend out in rows within `width`: items flow left to right and wrap to a new row; a label longer than
 * the whole width wraps onto several lines instead of being cut. Entries that carry a group are listed under a
 * heading per group, in the order the groups first appear.
 */
export function legendLayout(entries: LegendEntry[], opts: LegendOptions): LegendLayout {
  const fontSize = opts.fontSize ?? AXIS_FONT_SIZE;
  const keyWidth = opts.keyWidth ?? Math.round(fontSize * 1.9);
  const lineHeight = Math.round(fontSize * 1.25);
  const itemGap = Math.round(fontSize * 1.3);
  const rowGap = Math.round(fontSize * 0.4);
  const right = opts.x + opts.width;
  const textRoom = opts.width - keyWidth - 6;
  const items: LegendItemLayout[] = [];
  const headings: LegendLayout['headings'] = [];
  let x = opts.x;
  let y = opts.y;
  let rowHeight = 0;
  const newRow = () => {
    if (rowHeight > 0) y += rowHeight + rowGap;
    x = opts.x;
    rowHeight = 0;
  };
  let group: string | undefined;
  for (const entry of entries) {
    if (entry.group && entry.group.key !== group) {
      group = entry.group.key;
      newRow();
      const lines = wrapText(entry.group.label, opts.width, fontSize, true);
      headings.push({
        key: entry.group.key,
        text: entry.group.label,
        x: opts.x,
        y,
        lines,
        lineYs: lines.map((_, j) => y + lineHeight * (j + 0.5)),
      });
      y += lines.length * lineHeight + rowGap;
    }
    const lines =
      measureText(entry.label, fontSize) <= textRoom ? [entry.label] : wrapText(entry.label, textRoom, fontSize);
    const width = keyWidth + 6 + widestLine(lines, fontSize);
    if (x > opts.x && x + width > right) newRow();
    const height = lines.length * lineHeight;
    items.push({
      ...entry,
      x,
      y,
      lines,
      lineYs: lines.map((_, j) => y + lineHeight * (j + 0.5)),
      textX: x + keyWidth + 6,
      width,
      height,
    });
    rowHeight = Math.max(rowHeight, height);
    x += width + itemGap;
  }
  const bottom = rowHeight > 0 ? y + rowHeight : y;
  return { items, headings, height: entries.length ? bottom - opts.y : 0 };
}
