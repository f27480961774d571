import { DEJAVU_SANS_BOLD_WIDTHS, DEJAVU_SANS_WIDTHS } from './font-metrics.js';

/**
 * Font stack used in every chart, on screen and in exported SVG/PNG. Text is measured with DejaVu Sans,
 * the widest face of the stack, so a fallback (Verdana, Arial, Helvetica) is never wider than the space
 * reserved for it and nothing overflows when an SVG is opened in Illustrator or Inkscape.
 */
export const CHART_FONT_FAMILY = "'DejaVu Sans', Verdana, Arial, Helvetica, sans-serif";

const FALLBACK_WIDTH = 700; // wide glyph, for characters outside the generated table (CJK etc.)

/** Width in pixels of `text` set in DejaVu Sans at `fontSize` px. */
export function measureText(text: string, fontSize: number, bold = false): number {
  const table = bold ? DEJAVU_SANS_BOLD_WIDTHS : DEJAVU_SANS_WIDTHS;
  let units = 0;
  for (const ch of text) units += table[ch] ?? FALLBACK_WIDTH;
  return (units / 1000) * fontSize;
}

/** Greedy word wrap to `maxWidth` pixels; a single word longer than the line is cut with an ellipsis. */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (measureText(candidate, fontSize, bold) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = measureText(word, fontSize, bold) <= maxWidth ? word : truncateText(word, maxWidth, fontSize, bold);
  }
  if (line) lines.push(line);
  return lines;
}

/** Cuts `text` so that it (plus an ellipsis) fits in `maxWidth`. */
export function truncateText(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (measureText(text, fontSize, bold) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 0 && measureText(`${chars.join('')}…`, fontSize, bold) > maxWidth) chars.pop();
  return `${chars.join('')}…`;
}
