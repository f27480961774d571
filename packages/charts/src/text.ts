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

/**
 * Greedy word wrap to `maxWidth` pixels. Nothing is ever cut: a word longer than the line (a URL, a long
 * compound) is broken across lines, with a hyphen-free break since it is not a real hyphenation point.
 */
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
    line = '';
    for (const ch of word) {
      if (line && measureText(line + ch, fontSize, bold) > maxWidth) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Width of the widest of `lines`. */
export function widestLine(lines: string[], fontSize: number, bold = false): number {
  return Math.max(0, ...lines.map((l) => measureText(l, fontSize, bold)));
}
