import { describe, expect, it } from 'vitest';
import { PERSONS, SERIES } from '../test-data.js';
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
      ['2024', 'non publié : trop peu de personnes', '700'],
      ['2025', '1\u202f500', '650'],
    ]);
    expect(timeTable(SERIES, 'en').rows[0]).toEqual(['2023', '1,200', '800']);
  });

  it('describes the data for screen readers: first and last published values, withheld count', () => {
    const text = describeTimeSeries('Titre', SERIES, 'fr');
    expect(text).toContain('2 séries de 2023 à 2025');
    expect(text).toContain('En ligne : 1\u202f200 en 2023, 1\u202f500 en 2025 (1 valeur non publiée)');
    expect(text).toContain('Hors ligne : 800 en 2023, 650 en 2025');
  });

  it('orders tooltip rows by value with withheld cells last', () => {
    const rows = tooltipRows(SERIES, 2024, 'en');
    expect(rows.map((r) => [r.key, r.text])).toEqual([
      ['offline', '700'],
      ['online', 'not published: too few people'],
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
  });

  it('draws "% du total" as lines over the persons of each year: a withheld value leaves a gap in its line only', () => {
    const share = timeGeometry(SERIES, 'share', 640, 'fr', { base: PERSONS });
    if (share.view === 'area') throw new Error('share is drawn as lines');
    const [online, offline] = share.geometry.lines;
    // 2024: offline is 700 of 1,400 persons (50 %), not 700 of the 700 published (100 %).
    expect(offline.points.map((p) => p.value)).toEqual([800 / 1900, 0.5, 650 / 2000]);
    expect(online.points.map((p) => p.y === null)).toEqual([false, true, false]);
    // Every year has a drawn point; the withheld one is marked under the axis with its reason.
    for (const year of [2023, 2024, 2025])
      expect(share.geometry.lines.some((l) => l.points.some((p) => p.year === year && p.y !== null))).toBe(true);
    expect(share.geometry.withheld).toEqual([
      expect.objectContaining({ key: 'online', year: 2024, reason: 'below_threshold' }),
    ]);
    expect(share.geometry.yTicks.at(-1)!.label).toContain('%');
  });

  it('stacks counts without hatching a year: the band above a withheld one keeps its thickness', () => {
    const area = timeGeometry(SERIES, 'area', 640, 'en');
    if (area.view !== 'area') throw new Error('area');
    expect(area.geometry.areas[1].bands.map((b) => b.year)).toEqual([2023, 2024, 2025]);
    expect(area.geometry.withheld.map((w) => `${w.key} ${w.year}`)).toEqual(['online 2024']);
    expect(area.geometry.withheldRow?.label).toBe('not published');
  });

  it('writes shares beside counts in the share view and the persons column in the table', () => {
    const table = timeTable(SERIES, 'fr', PERSONS, 'share');
    expect(table.header).toEqual(['Année', 'En ligne', 'Hors ligne', 'Personnes (total)']);
    expect(table.rows[1]).toEqual(['2024', 'non publié : trop peu de personnes', '700 (50,0\u202f%)', '1\u202f400']);
    const rows = tooltipRows(SERIES, 2024, 'fr', PERSONS, 'share');
    expect(rows.map((r) => r.text)).toEqual(['700 (50,0\u202f%)', 'non publié : trop peu de personnes']);
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
