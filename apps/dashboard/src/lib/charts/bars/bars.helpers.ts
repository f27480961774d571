import {
  cellValue,
  formatNumber,
  horizontalBars,
  isWithheld,
  type BarChartGeometry,
  type ChartCategory,
} from '@observatoire/charts';
import { t, type Lang } from '$lib/i18n/index.js';

export function barGeometry(
  rows: ChartCategory[],
  width: number,
  lang: Lang,
  colour?: string,
  rowHeight = width < 480 ? 30 : 28,
): BarChartGeometry {
  return horizontalBars({ rows, width, locale: lang, colour, rowHeight });
}

export function barTable(rows: ChartCategory[], lang: Lang): { header: string[]; rows: string[][] } {
  return {
    header: [t(lang, 'chart.category'), t(lang, 'chart.value')],
    rows: rows.map((r) => [
      r.label,
      isWithheld(r.cell) ? t(lang, 'chart.withheld') : formatNumber(cellValue(r.cell) ?? 0, lang),
    ]),
  };
}

export function describeBars(title: string, rows: ChartCategory[], lang: Lang): string {
  const items = rows.map((r) =>
    t(lang, 'describe.barItem', {
      label: r.label,
      value: isWithheld(r.cell) ? t(lang, 'chart.withheld') : formatNumber(cellValue(r.cell) ?? 0, lang),
    }),
  );
  const top = [...rows]
    .filter((r) => cellValue(r.cell) !== null)
    .sort((a, b) => (cellValue(b.cell) ?? 0) - (cellValue(a.cell) ?? 0))[0];
  const details = `${items.join(' ; ')}.${top ? ` ${t(lang, 'describe.max', { label: top.label })}` : ''}`;
  return t(lang, 'describe.bars', { title, count: rows.length, details });
}
