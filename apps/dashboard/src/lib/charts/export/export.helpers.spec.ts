import { measureText } from '@observatoire/charts';
import { describe, expect, it } from 'vitest';
import { chartData, ROWS } from '../test-data.js';
import { exportLayout, OG_SIZE } from './export.helpers.js';

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
    for (const item of layout.legend.items) {
      expect(item.lines.join(' ')).toBe(item.label);
      expect(item.textX + widest(item.lines, 12)).toBeLessThanOrEqual(layout.width - 24);
    }
  });

  it('carries the source with the release id and the demo warning', () => {
    const layout = exportLayout(long, { url: 'https://observatoire.example/fr' });
    const source = layout.source.lines.join(' ');
    expect(source).toContain('publication 2026-07-30');
    expect(source).toContain('https://observatoire.example/fr');
    expect(layout.demo?.lines.join(' ')).toContain('fictives');
    expect(layout.height).toBeGreaterThan(layout.source.y);
  });

  it('fits the Open Graph preview into 800 × 420 (1200 × 630 once rasterised)', () => {
    const og = exportLayout(chartData({ kind: 'bars', id: 'exploitation', series: [], rows: ROWS, year: 2025 }), {
      width: OG_SIZE.width,
      fixedHeight: OG_SIZE.height,
      url: 'x',
    });
    expect(og.height).toBe(420);
    expect(og.scale).toBe(1);
    expect(og.source.y + og.source.lines.length * 11 * 1.3).toBeLessThanOrEqual(420);
  });

  it('scales a preview down as a whole, never cuts it, when 17 series and their legend need more room', () => {
    const series = Array.from({ length: 17 }, (_, i) => ({
      key: `c${i}`,
      label: `Canal de recrutement numéro ${i}`,
      points: [2023, 2024, 2025].map((year) => ({
        year,
        cell: (i + year) % 4 === 0 ? ({ suppressed: true } as const) : { value: 10 + i },
      })),
    }));
    const og = exportLayout(chartData({ series }), { width: OG_SIZE.width, fixedHeight: OG_SIZE.height, url: 'x' });
    expect(og.height).toBe(420);
    expect(og.scale).toBeLessThan(1);
    expect(og.legend.items).toHaveLength(17);
    // The source line, last of all, ends inside the image once scaled.
    expect((og.source.y + og.source.lines.length * 11 * 1.3) * og.scale).toBeLessThanOrEqual(420);
    // The plot keeps a readable height instead of being squeezed to a sliver.
    if (og.chart.kind === 'time') expect(og.chart.layout.geometry.plot.height).toBeGreaterThan(80);
  });

  it('starts a new legend row rather than overflow, and wraps a label longer than the width', () => {
    const series = Array.from({ length: 12 }, (_, i) => ({
      key: String(i),
      label:
        i === 11
          ? 'Offre d’emploi frauduleuse publiée sur un site de petites annonces en ligne, hors réseaux sociaux, et relayée par messagerie'
          : `Catégorie numéro ${i}`,
      points: [{ year: 2025, cell: { value: i + 1 } }],
    }));
    const layout = exportLayout(chartData({ series }), { url: 'x' });
    const rows = new Set(layout.legend.items.map((p) => p.y));
    expect(rows.size).toBeGreaterThan(2);
    const long = layout.legend.items[11];
    expect(long.lines.length).toBeGreaterThan(1);
    expect(long.lines.join(' ')).toBe(series[11].label);
    expect(widest(long.lines, 12)).toBeLessThanOrEqual(layout.width - 48);
    // The chart starts below the legend.
    expect(layout.chart.y).toBeGreaterThanOrEqual(long.y + long.height);
  });
});

describe('export layout of a release with annotations and an erratum', () => {
  const data = chartData({
    annotations: [{ year: 2024, label: 'confinement' }],
    notices: [{ kind: 'erratum', text: 'Le total 2024 est corrigé.', createdAt: '2026-08-02T10:00:00Z' }],
  });
  const layout = exportLayout(data, { url: 'https://observatoire.example/charts/online-offline' });

  it('draws the annotation above the chart and makes the image taller by the band it takes', () => {
    const plain = exportLayout(chartData(), { url: 'https://observatoire.example/charts/online-offline' });
    if (layout.chart.kind !== 'time') throw new Error('time chart expected');
    expect(layout.chart.layout.annotations.labels.map((l) => l.lines.join(' '))).toEqual(['confinement']);
    expect(layout.chart.layout.annotations.offset).toBeGreaterThan(0);
    expect(layout.height).toBeGreaterThan(plain.height);
  });

  it('carries the erratum and links the release page in the source', () => {
    expect(layout.notices.lines.join(' ')).toContain('Erratum du 2 août 2026 : Le total 2024 est corrigé.');
    expect(layout.source.lines.join(' ')).toContain(
      'À propos de cette publication : https://observatoire.example/publications/2026-07-30',
    );
  });
});
