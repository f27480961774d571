import { measureText } from '@observatoire/charts';
import { describe, expect, it } from 'vitest';
import { chartData, ROWS } from '../test-data.js';
import { exportLayout, legendLayout, OG_SIZE } from './export.helpers.js';

function widest(lines: string[], size: number, bold = false) {
  return Math.max(0, ...lines.map((l) => measureText(l, size, bold)));
}

describe('export layout', () => {
  const long = chartData({
    title: 'Un titre très long qui ne tient pas sur une seule ligne dans une image de huit cents pixels de large',
  });

  it('wraps every text block inside the image width', () => {
    const layout = exportLayout(long, { url: 'https://observatoire.example/fr' });
    const inner = layout.width - 48;
    expect(layout.title.lines.length).toBeGreaterThan(1);
    expect(widest(layout.title.lines, 20, true)).toBeLessThanOrEqual(inner);
    expect(widest(layout.subtitle.lines, 14)).toBeLessThanOrEqual(inner);
    expect(widest(layout.notes.lines, 11)).toBeLessThanOrEqual(inner);
    expect(widest(layout.source.lines, 11)).toBeLessThanOrEqual(inner);
    for (const item of layout.legend)
      expect(item.x + 24 + measureText(item.label, 12)).toBeLessThanOrEqual(layout.width);
  });

  it('carries the source with the release id and the demo warning', () => {
    const layout = exportLayout(long, { url: 'https://observatoire.example/fr' });
    const source = layout.source.lines.join(' ');
    expect(source).toContain('publication 2026-07-30');
    expect(source).toContain('https://observatoire.example/fr');
    expect(layout.demo?.text).toContain('fictives');
    expect(layout.height).toBeGreaterThan(layout.source.y);
  });

  it('fits the Open Graph preview into 800 × 420 (1200 × 630 once rasterised)', () => {
    const og = exportLayout(chartData({ kind: 'bars', id: 'exploitation', series: [], rows: ROWS, year: 2025 }), {
      width: OG_SIZE.width,
      fixedHeight: OG_SIZE.height,
      url: 'x',
    });
    expect(og.height).toBe(420);
    expect(og.source.y + og.source.lines.length * 11 * 1.3).toBeLessThanOrEqual(420);
  });

  it('starts a new legend row rather than overflow', () => {
    const items = Array.from({ length: 12 }, (_, i) => ({
      key: String(i),
      label: `Catégorie numéro ${i}`,
      colour: '#000',
      dash: null,
    }));
    const { items: placed, bottom } = legendLayout(items, 100, 400);
    expect(new Set(placed.map((p) => p.y)).size).toBeGreaterThan(2);
    expect(bottom).toBeGreaterThan(140);
  });
});
