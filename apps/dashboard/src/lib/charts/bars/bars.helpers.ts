import {
  cellValue,
  formatNumber,
  horizontalBars,
  isWithheld,
  type BarChartGeometry,
  type ChartCategory,
} from '@observatoire/charts';
import { t, type Lang } from '$lib/i18n/index.js';
import type { ChartSpec } from '../specs.js';
import { withheldText } from '../withheld.js';

/** Categories a chart shows apart, off its scale, with the heading of that group (null when it has none). */
export interface BarAside {
  keys: string[];
  label: string;
}

export function asideOf(spec: ChartSpec, lang: Lang): BarAside | null {
  return spec.kind === 'bars' && spec.aside ? { keys: spec.aside.keys, label: t(lang, spec.aside.label) } : null;
}

export function barGeometry(
  rows: ChartCategory[],
  width: number,
  lang: Lang,
  opts: { colour?: string; rowHeight?: number; aside?: BarAside | null } = {},
): BarChartGeometry {
  const { colour, rowHeight = width < 480 ? 30 : 28, aside = null } = opts;
  const apart = aside ? rows.filter((r) => aside.keys.includes(r.key)) : [];
  return horizontalBars({
    rows: apart.length ? rows.filter((r) => !apart.includes(r)) : rows,
    width,
    locale: lang,
    colour,
    rowHeight,
    withheldLabel: t(lang, 'chart.withheld'),
    withheldText: (cell) => withheldText(cell, lang),
    aside: apart.length ? { label: aside!.label, rows: apart } : undefined,
  });
}

export function barTable(rows: ChartCategory[], lang: Lang): { header: string[]; rows: string[][] } {
  return {
    header: [t(lang, 'chart.category'), t(lang, 'chart.value')],
    rows: rows.map((r) => [
      r.label,
      isWithheld(r.cell) ? withheldText(r.cell, lang) : formatNumber(cellValue(r.cell) ?? 0, lang),
    ]),
  };
}

export function describeBars(title: string, rows: ChartCategory[], lang: Lang): string {
  const items = rows.map((r) =>
    t(lang, 'describe.barItem', {
      label: r.label,
      value: isWithheld(r.cell) ? withheldText(r.cell, lang) : formatNumber(cellValue(r.cell) ?? 0, lang),
    }),
  );
  const top = [...rows]
    .filter((r) => cellValue(r.cell) !== null)
    .sort((a, b) => (cellValue(b.cell) ?? 0) - (cellValue(a.cell) ?? 0))[0];
  const details = `${items.join(' ; ')}.${top ? ` ${t(lang, 'describe.max', { label: top.label })}` : ''}`;
  return t(lang, 'describe.bars', { title, count: rows.length, details });
}
