import { describe, expect, it } from 'vitest';
import { SERIES } from '../test-data.js';
import {
  cellText,
  describeTimeSeries,
  legendItems,
  nearestYear,
  timeGeometry,
  timeTable,
  tooltipRows,
} from './time-series.helpers.js';

describe('time series helpers', () => {
  it('writes the table in French with U+202F thousands and the withheld word, never 0', () => {
    const table = timeTable(SERIES, 'fr');
    expect(table.header).toEqual(['Année', 'En ligne', 'Hors ligne']);
    expect(table.rows).toEqual([
      ['2023', '1\u202f200', '800'],
      ['2024', 'masqué', '700'],
      ['2025', '1\u202f500', '650'],
    ]);
    expect(timeTable(SERIES, 'en').rows[0]).toEqual(['2023', '1,200', '800']);
  });

  it('describes the data for screen readers: first and last published values, withheld count', () => {
    const text = describeTimeSeries('Titre', SERIES, 'fr');
    expect(text).toContain('2 séries de 2023 à 2025');
    expect(text).toContain('En ligne : 1\u202f200 en 2023, 1\u202f500 en 2025 (1 valeur masquée)');
    expect(text).toContain('Hors ligne : 800 en 2023, 650 en 2025');
  });

  it('orders tooltip rows by value with withheld cells last', () => {
    const rows = tooltipRows(SERIES, 2024, 'en');
    expect(rows.map((r) => [r.key, r.text])).toEqual([
      ['offline', '700'],
      ['online', 'withheld'],
    ]);
    expect(cellText(undefined, 'fr')).toBe('–');
  });

  it('lays out lines, stacked areas and shares at the requested width', () => {
    const lines = timeGeometry(SERIES, 'lines', 360, 'fr');
    expect(lines.view).toBe('lines');
    expect(lines.geometry.width).toBe(360);
    // 240 px asked for, plus the row of withheld markers under the axis (2024 online is withheld).
    if (lines.view === 'lines') {
      const row = lines.geometry.withheldRow!;
      expect(lines.geometry.height).toBeGreaterThan(240);
      expect(row.top).toBeGreaterThan(lines.geometry.plot.y + lines.geometry.plot.height);
      expect(row.top + row.height).toBeLessThanOrEqual(lines.geometry.height);
    }
    const share = timeGeometry(SERIES, 'share', 640, 'fr');
    expect(share.view).toBe('share');
    if (share.view !== 'lines') expect(share.geometry.withheldYears.map((w) => w.year)).toEqual([2024]);
  });

  it('picks the nearest year to a pointer position', () => {
    expect(nearestYear([2023, 2024, 2025], [0, 100, 200], 140)).toBe(2024);
    expect(nearestYear([], [], 10)).toBeNull();
  });

  it('gives the legend the style each line is drawn with: beyond eight colours, another marker and a dash', () => {
    const many = Array.from({ length: 10 }, (_, i) => ({
      key: `c${i}`,
      label: `C${i}`,
      points: [{ year: 2024, cell: { value: i + 1 } }],
    }));
    const items = legendItems(many);
    expect(items[0].style.dash).toBeNull();
    expect(items[8].style.dash).not.toBeNull();
    expect(items[8].style.colour).toBe(items[0].style.colour);
    expect(items[8].style.marker).not.toBe(items[0].style.marker);
    const layout = timeGeometry(many, 'lines', 800, 'fr');
    if (layout.view === 'lines') expect(layout.geometry.lines.map((l) => l.style)).toEqual(items.map((i) => i.style));
  });
});
