import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { annotationLayer, lineChart, yearX, type ChartAnnotation, type ChartSeries } from '../src/index.js';

function series(years: number[]): ChartSeries[] {
  return [{ key: 'cases', label: 'Cas', points: years.map((year, i) => ({ year, cell: { value: 10 + i } })) }];
}

const overlap = (a: { x: number; width: number }, b: { x: number; width: number }) =>
  a.x < b.x + b.width && b.x < a.x + a.width;

describe('annotationLayer', () => {
  const years = [2018, 2019, 2020, 2021, 2022, 2023, 2024];
  const frame = lineChart({ series: series(years), width: 720, height: 320, locale: 'fr' });

  it('draws a rule across the plot at the year and the label over it, above the plot', () => {
    const layer = annotationLayer(frame, [{ year: 2020, label: 'confinement' }]);
    expect(layer.rules).toEqual([
      { year: 2020, x: yearX(frame, 2020), y1: frame.plot.y, y2: frame.plot.y + frame.plot.height },
    ]);
    const [label] = layer.labels;
    expect(label.lines).toEqual(['confinement']);
    expect(label.x).toBeCloseTo(yearX(frame, 2020));
    expect(label.box.y + label.box.height).toBeLessThanOrEqual(frame.plot.y);
    expect(label.box.y).toBeGreaterThanOrEqual(-layer.offset);
    expect(layer.key).toBeNull();
  });

  it('leaves out years the chart does not show, and adds no room when nothing is shown', () => {
    const layer = annotationLayer(frame, [{ year: 2010, label: 'hors champ' }]);
    expect(layer).toMatchObject({ offset: 0, rules: [], labels: [], key: null });
  });

  it('numbers the years and lists the texts when the labels cannot sit side by side', () => {
    const narrow = lineChart({ series: series(years), width: 320, height: 240, locale: 'fr' });
    const many = years.map((year) => ({ year, label: `Un évènement assez long pour ${year}` }));
    const layer = annotationLayer(narrow, many);
    expect(layer.key).not.toBeNull();
    expect(layer.labels.map((l) => l.number)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(layer.key!.lines.join(' ')).toContain('1. 2018 : Un évènement assez long pour 2018');
  });

  it('never cuts, overlaps or lets a label leave the chart, and leaders never cross (property)', () => {
    const word = fc.stringMatching(/^[A-Za-zéèà]{1,14}$/);
    const label = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' ').slice(0, 60));
    fc.assert(
      fc.property(
        fc.integer({ min: 320, max: 1200 }),
        fc.integer({ min: 2, max: 25 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 24 }), { minLength: 1, maxLength: 12 }),
        fc.array(label, { minLength: 12, maxLength: 12 }),
        (width, span, offsets, labels) => {
          const ys = Array.from({ length: span }, (_, i) => 2000 + i);
          const f = lineChart({ series: series(ys), width, height: 260, locale: 'fr' });
          const notes: ChartAnnotation[] = offsets
            .filter((o) => o < span)
            .map((o, i) => ({ year: 2000 + o, label: labels[i] }));
          const layer = annotationLayer(f, notes);
          const boxes = layer.labels.map((l) => l.box);
          for (const [i, b] of boxes.entries()) {
            expect(b.x).toBeGreaterThanOrEqual(0);
            expect(b.x + b.width).toBeLessThanOrEqual(width);
            expect(b.y).toBeGreaterThanOrEqual(-layer.offset);
            expect(b.y + b.height).toBeLessThanOrEqual(f.plot.y);
            for (const c of boxes.slice(i + 1)) expect(overlap(b, c)).toBe(false);
          }
          const sorted = [...layer.labels].sort((a, b) => a.year - b.year);
          for (let i = 1; i < sorted.length; i++) {
            expect(sorted[i].leader.x1).toBeGreaterThan(sorted[i - 1].leader.x1);
            expect(sorted[i].leader.x2).toBeGreaterThan(sorted[i - 1].leader.x2);
          }
          // Nothing cut: the words drawn (labels or key) are the words given.
          const drawn = layer.key ? layer.key.lines.join(' ') : layer.labels.flatMap((l) => l.lines).join(' ');
          for (const n of notes) for (const w of n.label.split(' ')) expect(drawn.replace(/\s/g, '')).toContain(w);
          if (layer.key) {
            expect(layer.key.lineYs[0] - layer.fontSize / 2).toBeGreaterThanOrEqual(-layer.offset);
            expect(Math.max(...layer.key.lineYs)).toBeLessThan(Math.min(...boxes.map((b) => b.y)));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
