import { describe, expect, it } from 'vitest';
import {
  horizontalBars,
  lineChart,
  measureText,
  placeLabels,
  stackedAreaChart,
  wrapText,
  type ChartSeries,
} from '../src/index.js';

const series: ChartSeries[] = [
  {
    key: 'online',
    label: 'En ligne',
    points: [
      { year: 2020, cell: { value: 10 } },
      { year: 2021, cell: { suppressed: true, reason: 'threshold' } },
      { year: 2022, cell: { value: 30 } },
    ],
  },
  {
    key: 'offline',
    label: 'Hors ligne',
    points: [
      { year: 2020, cell: { value: 40 } },
      { year: 2021, cell: { value: 35 } },
      { year: 2022, cell: { value: 20 } },
    ],
  },
];

describe('lineChart', () => {
  const g = lineChart({ series, width: 600, height: 300, locale: 'fr' });
  it('maps years to the plot width and values to the plot height', () => {
    const online = g.lines[0];
    expect(online.points[0].x).toBeCloseTo(g.plot.x);
    expect(online.points[2].x).toBeCloseTo(g.plot.x + g.plot.width);
    const top = g.yTicks[g.yTicks.length - 1];
    expect(top.value).toBeGreaterThanOrEqual(40);
    expect(g.lines[1].points[0].y).toBeGreaterThanOrEqual(g.plot.y);
  });
  it('breaks the line at a withheld cell instead of drawing a zero', () => {
    const online = g.lines[0];
    expect(online.points[1]).toMatchObject({ withheld: true, y: null, value: null });
    // Two separate sub-paths (two M commands), one point each.
    expect(online.d.match(/M/g)?.length).toBe(2);
    expect(g.withheld).toEqual([expect.objectContaining({ key: 'online', year: 2021 })]);
    // The withheld marker sits in its own row under the year labels, never on the value scale.
    expect(g.withheld[0].y).toBeGreaterThan(g.xTickY);
    expect(g.withheldRow).toMatchObject({ label: 'masqué' });
  });
  it('labels ticks in French', () => {
    const big = lineChart({
      series: [{ key: 'a', label: 'A', points: [{ year: 2020, cell: { value: 12000 } }] }],
      width: 400,
      height: 200,
      locale: 'fr',
    });
    expect(big.yTicks.some((t) => t.label.includes('\u202f'))).toBe(true);
    expect(big.margin.left).toBeGreaterThan(measureText('12 000', 12));
  });
  it('keeps end labels apart, as close to their lines as the room allows', () => {
    const h = (anchor: number) => ({ anchor, height: 14 });
    // Three labels on one spot: spread around it, 14 + 2 apart.
    expect(placeLabels([h(50), h(50), h(50)], 2, 0, 100)).toEqual([34, 50, 66]);
    // Near the bottom: pushed up so the lowest box ends at the limit.
    expect(placeLabels([h(95), h(96)], 2, 0, 100)).toEqual([77, 93]);
    // Apart already: left where they are.
    expect(placeLabels([h(10), h(60)], 2, 0, 100)).toEqual([10, 60]);
  });
});

describe('stackedAreaChart', () => {
  it('stacks published layers and hatches the columns with a withheld cell', () => {
    const g = stackedAreaChart({ series, width: 600, height: 300, locale: 'en' });
    expect(g.withheldYears.map((w) => w.year)).toEqual([2021]);
    const top = g.areas[1];
    expect(top.bands.map((b) => b.year)).toEqual([2020, 2022]);
    // 2020: 10 + 40 = 50 at the top of the second layer.
    const y50 = top.bands[0].y1;
    const y10 = g.areas[0].bands[0].y1;
    expect(y50).toBeLessThan(y10);
    expect(top.d.match(/M/g)?.length).toBe(2);
  });
  it('keeps drawing the layers below a withheld one and hatches only the unknown part above', () => {
    const unknownWithheld: ChartSeries[] = [
      series[1],
      {
        key: 'unknown',
        label: 'Inconnu',
        points: [
          { year: 2020, cell: { suppressed: true } },
          { year: 2021, cell: { suppressed: true } },
          { year: 2022, cell: { suppressed: true } },
        ],
      },
    ];
    const g = stackedAreaChart({ series: unknownWithheld, width: 600, height: 300, locale: 'fr' });
    expect(g.areas[0].bands.map((b) => b.year)).toEqual([2020, 2021, 2022]);
    expect(g.areas[1].bands).toEqual([]);
    expect(g.withheldYears).toHaveLength(3);
    // The hatching starts at the top of the published layer (40 in 2020), not at the baseline.
    expect(g.withheldYears[0].yBottom).toBeCloseTo(g.areas[0].bands[0].y1);
    expect(g.withheldYears[0].yBottom).toBeLessThan(g.plot.y + g.plot.height);
  });

  it('expands to shares of 100 %', () => {
    const g = stackedAreaChart({ series, width: 600, height: 300, locale: 'fr', expand: true });
    expect(g.yTicks[g.yTicks.length - 1].label).toBe('100\u202f%');
    expect(g.areas[1].bands[0].y1).toBeCloseTo(g.plot.y);
  });
});

describe('horizontalBars', () => {
  const rows = [
    { key: 'sexual', label: 'Exploitation sexuelle', cell: { value: 1234 } },
    { key: 'labour', label: 'Travail forcé', cell: { value: 300 } },
    { key: 'organ_removal', label: "Prélèvement d'organes", cell: { suppressed: true as const, reason: 'threshold' } },
  ];
  const g = horizontalBars({ rows, width: 360, locale: 'fr' });
  it('scales bars to the largest value and keeps value labels inside the width', () => {
    expect(g.bars[0].width).toBeGreaterThan(g.bars[1].width);
    for (const b of g.bars) expect(b.valueX + measureText(b.valueLabel, 12)).toBeLessThanOrEqual(360 + 0.5);
    expect(g.bars[0].valueLabel).toBe('1\u202f234');
  });
  it('draws a withheld category as a small hatched placeholder clear of the axis, never as a bar', () => {
    expect(g.bars[2]).toMatchObject({ withheld: true, value: null, valueLabel: '', width: 0 });
    const p = g.bars[2].placeholder!;
    expect(p.x).toBeGreaterThan(g.plot.x);
    expect(p.size).toBeLessThanOrEqual(g.bars[2].height);
    expect(g.bars[2].valueX).toBeGreaterThan(p.x + p.size);
  });
});

describe('text measurement', () => {
  it('measures DejaVu Sans widths and wraps or truncates to fit', () => {
    expect(measureText('0', 10)).toBeCloseTo(6.36);
    expect(measureText('ab', 12, true)).toBeGreaterThan(measureText('ab', 12));
    const lines = wrapText('Canaux de recrutement des victimes suivies par les associations', 150, 12);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(measureText(l, 12)).toBeLessThanOrEqual(150);
    // A word longer than the line (a URL) is broken across lines, never cut.
    const url = 'https://observatoire.example.org/charts/channels?release=2025-07-30';
    const broken = wrapText(`Source : ${url}`, 120, 11);
    expect(broken.join('').replace(/\s/g, '')).toBe(`Source:${url}`);
    for (const l of broken) expect(measureText(l, 11)).toBeLessThanOrEqual(120);
  });
});
