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
    expect(text).toContain('En ligne : 1\u202f200 en 2023, 1\u202f500 en 2025 (1 valeurs masquées)');
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
    expect(lines.geometry.height).toBe(240);
    const share = timeGeometry(SERIES, 'share', 640, 'fr');
    expect(share.view).toBe('share');
    if (share.view !== 'lines') expect(share.geometry.withheldYears.map((w) => w.year)).toEqual([2024]);
  });

  it('picks the nearest year to a pointer position', () => {
    expect(nearestYear([2023, 2024, 2025], [0, 100, 200], 140)).toBe(2024);
    expect(nearestYear([], [], 10)).toBeNull();
  });

  it('dashes lines beyond the eight palette colours', () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ key: `c${i}`, label: `C${i}`, points: [] }));
    const items = legendItems(many, 'lines');
    expect(items[0].dash).toBeNull();
    expect(items[8].dash).not.toBeNull();
    expect(items[8].colour).toBe(items[0].colour);
    expect(legendItems(many, 'area')[8].dash).toBeNull();
  });
});
