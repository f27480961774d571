import { describeBars } from './bars/bars.helpers.js';
import type { ChartData } from './specs.js';
import { describeTimeSeries } from './time-series/time-series.helpers.js';

/** The written description of any chart (screen readers, SVG <desc>, alt text of previews). */
export function describeChart(data: ChartData): string {
  return data.kind === 'time'
    ? describeTimeSeries(data.title, data.series, data.lang)
    : describeBars(data.title, data.rows, data.lang);
}
