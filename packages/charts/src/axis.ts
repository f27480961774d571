import type { ScaleLinear } from 'd3-scale';
import { formatNumber, formatPercent, formatYear } from './format.js';
import { measureText } from './text.js';
import type { Locale, Margin, Tick } from './types.js';

export const AXIS_FONT_SIZE = 12;
/** Ticks asked of a value axis; its domain is rounded with the same count so the top of the axis is a tick. */
export const TICK_COUNT = 5;

/** Ticks of a count axis, labelled in the locale (`1 000` in French). Only integer ticks for counts. */
export function countTicks(scale: ScaleLinear<number, number>, locale: Locale, count = TICK_COUNT): Tick[] {
  return scale
    .ticks(count)
    .filter((v) => Number.isInteger(v))
    .map((value) => ({ value, label: formatNumber(value, locale), position: scale(value) }));
}

/** Ticks of a share axis (0..1), labelled as percentages without decimals. */
export function percentTicks(scale: ScaleLinear<number, number>, locale: Locale, count = TICK_COUNT): Tick[] {
  return scale.ticks(count).map((value) => ({ value, label: formatPercent(value, locale, 0), position: scale(value) }));
}

/**
 * Year ticks for a time axis: every year when there is room, otherwise every 2nd/5th year, always keeping
 * the last one (the latest release year is the one people look for).
 */
export function yearTicks(
  years: number[],
  x: (year: number) => number,
  plotWidth: number,
  fontSize = AXIS_FONT_SIZE,
): Tick[] {
  if (years.length === 0) return [];
  const labelWidth = measureText('2024', fontSize) + fontSize;
  const maxLabels = Math.max(2, Math.floor(plotWidth / labelWidth));
  const step = [1, 2, 5, 10].find((s) => Math.ceil(years.length / s) <= maxLabels) ?? 10;
  const last = years[years.length - 1];
  const picked = years.filter((y) => (last - y) % step === 0);
  return picked.map((value) => ({ value, label: formatYear(value), position: x(value) }));
}

/** Left margin wide enough for the widest y tick label. */
export function leftMarginFor(ticks: Tick[], base: Margin, fontSize = AXIS_FONT_SIZE): Margin {
  const widest = Math.max(0, ...ticks.map((t) => measureText(t.label, fontSize)));
  return { ...base, left: Math.max(base.left, Math.ceil(widest) + 10) };
}
