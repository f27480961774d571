/**
 * Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008), ordered so that the first colours stay
 * distinguishable under deuteranopia/protanopia. Yellow is left out: it fails contrast on white.
 * The darker variants meet WCAG AA (≥ 3:1 against white) for lines and bars; text uses `INK`.
 */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#56B4E9', '#E69F00', '#000000', '#8C6D31'];

/** Online / offline / unknown: fixed colours so the three groups read the same in every chart. */
export const GROUP_COLOURS: Record<string, string> = { online: '#0072B2', offline: '#D55E00', unknown: '#767676' };

export const INK = '#1a1a1a';
export const MUTED_INK = '#595959'; // 7:1 on white
export const GRID = '#d9d9d9';
export const WITHHELD_COLOUR = '#595959';

/**
 * Beyond the eight palette colours, lines repeat a colour with a dash pattern, so that no two series look
 * alike (colour alone cannot separate a dozen categories for colour-blind readers anyway).
 */
export function dashFor(index: number): string | null {
  const cycle = Math.floor(index / PALETTE.length);
  return cycle === 0 ? null : (['6 3', '2 3', '10 3 2 3'][(cycle - 1) % 3] ?? null);
}

export function colourFor(index: number, key?: string): string {
  if (key && GROUP_COLOURS[key]) return GROUP_COLOURS[key];
  if (key === 'unknown') return GROUP_COLOURS.unknown;
  return PALETTE[index % PALETTE.length];
}

/** Id of the SVG pattern used for withheld cells; each renderer defines it once per SVG. */
export const WITHHELD_PATTERN_ID = 'withheld-hatch';
