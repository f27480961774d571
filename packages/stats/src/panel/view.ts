import type { CubeDimension } from '../cube/dimensions.js';

/**
 * The breakdowns a constant-panel table carries besides its total: what the year-on-year key figures and the
 * channel charts compare (cases, recruited online or offline, by channel, minors).
 */
export const PANEL_DIMENSIONS = [
  'recruitmentChannelGroup',
  'recruitmentChannel',
  'minor',
] as const satisfies readonly CubeDimension[];
export type PanelDimension = (typeof PANEL_DIMENSIONS)[number];
/** Of those, the ones whose cells add up to the total (one code per case). */
export const PANEL_SINGLE_VALUED: readonly PanelDimension[] = ['minor'];

const PANEL_VIEW = /^panel:(\d{4})-(\d{4})$/;

/** The view name a panel's cells are stored under: `panel:<from>-<to>`. */
export function panelView(from: number, to: number): string {
  return `panel:${from}-${to}`;
}

export function isPanelView(view: string): boolean {
  return PANEL_VIEW.test(view);
}

export function parsePanelView(view: string): { from: number; to: number } | null {
  const m = PANEL_VIEW.exec(view);
  return m ? { from: Number(m[1]), to: Number(m[2]) } : null;
}
