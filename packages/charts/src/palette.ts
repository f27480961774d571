import {
  symbol,
  symbolCircle,
  symbolCross,
  symbolDiamond,
  symbolSquare,
  symbolStar,
  symbolTriangle,
  symbolWye,
  type SymbolType,
} from 'd3-shape';

/**
 * Series colours: the first four of Okabe & Ito's colour-blind-safe palette (2008), then purple, ochre, black and
 * olive in place of Okabe–Ito's sky blue, orange and yellow, which fail WCAG 2.1's 3:1 contrast for graphics
 * against white (1.4.11). Every colour here reaches 3:1 (tested). Eight colours cannot all stay apart for every
 * colour vision, so colour never carries a series alone: each series also has its own marker shape, and from the
 * ninth on its own dash pattern (`seriesStyle`).
 */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#6A3D9A', '#A6761D', '#000000', '#5E8C31'];

/** Online / offline / unknown: fixed colours so the three groups read the same in every chart. */
export const GROUP_COLOURS: Record<string, string> = { online: '#0072B2', offline: '#D55E00', unknown: '#767676' };

export const INK = '#1a1a1a';
export const MUTED_INK = '#595959'; // 7:1 on white
export const GRID = '#d9d9d9';
export const WITHHELD_COLOUR = '#595959';

/** Marker shapes drawn on every point of a line and in its legend key. */
export const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'triangleDown', 'cross', 'star', 'wye'] as const;
export type MarkerShape = (typeof MARKERS)[number];

/** Dash patterns by colour cycle: the first eight series are solid, the next eight dashed, then dotted. */
const DASHES: (string | null)[] = [null, '7 4', '2 3', '10 3 2 3'];

/**
 * Fills of stacked areas by colour cycle (areas cannot be dashed): solid, then dotted, then crossed by horizontal
 * lines. Never diagonal: diagonal hatching means a withheld cell.
 */
export type AreaFill = 'solid' | 'dots' | 'lines';
const FILLS: AreaFill[] = ['solid', 'dots', 'lines'];

/** Everything that tells one series from another, used alike by the plot, the legend, the export and the PDF. */
export interface SeriesStyle {
  colour: string;
  /** SVG stroke-dasharray of the line, null for a solid line. */
  dash: string | null;
  marker: MarkerShape;
  /** How the series' band is filled in a stacked area chart (and its legend key). */
  fill: AreaFill;
}

/**
 * The style of the `index`-th series. Colour cycles every eight series; within a cycle each series has its own
 * marker too, and each new cycle shifts the markers by three and takes the next dash pattern and area fill, so no
 * two of the first 64 series share colour, marker and dash. The group keys keep their reserved colour, solid.
 */
export function seriesStyle(index: number, key?: string): SeriesStyle {
  const cycle = Math.floor(index / PALETTE.length);
  // The group colours (online, offline, unknown) belong to one series each: always solid.
  const grouped = key !== undefined && key in GROUP_COLOURS;
  return {
    colour: colourFor(index, key),
    dash: grouped ? null : DASHES[cycle % DASHES.length],
    marker: MARKERS[(index + 3 * cycle) % MARKERS.length],
    fill: FILLS[cycle % FILLS.length],
  };
}

export function colourFor(index: number, key?: string): string {
  if (key && GROUP_COLOURS[key]) return GROUP_COLOURS[key];
  return PALETTE[index % PALETTE.length];
}

/** A triangle pointing down: d3's upward triangle mirrored, so the two read as different shapes. */
const symbolTriangleDown: SymbolType = {
  draw(context, size) {
    const sqrt3 = Math.sqrt(3);
    const y = -Math.sqrt(size / (sqrt3 * 3));
    context.moveTo(0, -y * 2);
    context.lineTo(-sqrt3 * y, y);
    context.lineTo(sqrt3 * y, y);
    context.closePath();
  },
};

const SYMBOLS: Record<MarkerShape, SymbolType> = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
  triangleDown: symbolTriangleDown,
  cross: symbolCross,
  star: symbolStar,
  wye: symbolWye,
};

/** SVG path of a marker centred on (0, 0), about `diameter` pixels across (area of the matching circle). */
export function markerPath(shape: MarkerShape, diameter: number): string {
  const area = Math.PI * (diameter / 2) ** 2;
  return symbol(SYMBOLS[shape], area)() ?? '';
}

/** Dash pattern as numbers (pdfkit's `dash([...])`), empty for a solid line. */
export function dashArray(dash: string | null): number[] {
  return dash ? dash.split(/[\s,]+/).map(Number) : [];
}

/** Id of the SVG pattern used for withheld cells; each renderer defines it once per SVG. */
export const WITHHELD_PATTERN_ID = 'withheld-hatch';

/** WCAG 2.1 contrast ratio between two `#rrggbb` colours. */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, b2] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
