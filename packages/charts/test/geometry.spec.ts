import { describe, expect, it } from 'vitest';
import {
  horizontalBars,
  lineChart,
  measureText,
  placeLabels,
  shareSeries,
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
    expect(g.withheldRow).toMatchObject({ label: 'non publié' });
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
  const three: ChartSeries[] = [
    series[1],
    series[0],
    {
      key: 'unknown',
      label: 'Inconnu',
      points: [
        { year: 2020, cell: { value: 6 } },
        { year: 2021, cell: { value: 8 } },
        { year: 2022, cell: { value: 7 } },
      ],
    },
  ];
  const g = stackedAreaChart({ series: three, width: 600, height: 300, locale: 'fr' });
  const thickness = (b: { y0: number; y1: number }) => b.y0 - b.y1;

  it('draws every published band in every year, even above a withheld layer', () => {
    // "online" is withheld in 2021: "unknown", above it, is still drawn that year, with its own thickness.
    const [offline, online, unknown] = g.areas;
    expect(offline.bands.map((b) => b.year)).toEqual([2020, 2021, 2022]);
    expect(online.bands.map((b) => b.year)).toEqual([2020, 2022]);
    expect(unknown.bands.map((b) => b.year)).toEqual([2020, 2021, 2022]);
    const perUnit = thickness(offline.bands[1]) / 35;
    expect(thickness(unknown.bands[1])).toBeCloseTo(8 * perUnit, 5);
    // It rests on the published layer below: the withheld one is given no height at all.
    expect(unknown.bands[1].y0).toBeCloseTo(offline.bands[1].y1, 5);
  });

  it('marks the withheld cell alone, under the axis, never as a hatched column', () => {
    expect(g.withheld).toEqual([expect.objectContaining({ key: 'online', year: 2021, reason: 'threshold' })]);
    expect(g.withheld[0].y).toBeGreaterThan(g.xTickY);
    expect(g.withheldRow).toMatchObject({ label: 'non publié' });
    expect(g).not.toHaveProperty('withheldYears');
    // The band's slot around 2021 is marked (hatched by the renderers); the other bands have none.
    expect(g.areas[1].gap).not.toBe('');
    expect(g.areas[0].gap).toBe('');
    expect(g.areas[2].gap).toBe('');
    // The band breaks at the withheld year instead of dropping to zero.
    expect(g.areas[1].d.match(/M/g)?.length).toBe(2);
  });

  it('keeps the plot the height asked for and grows below it for the withheld row', () => {
    const none = stackedAreaChart({ series: [series[1]], width: 600, height: 300, locale: 'en' });
    expect(none.withheldRow).toBeNull();
    expect(none.height).toBe(300);
    expect(g.plot.height).toBeCloseTo(none.plot.height, 0);
    expect(g.height).toBeGreaterThan(300);
  });
});

describe('shareSeries', () => {
  const persons = [
    { year: 2020, cell: { value: 50 } },
    { year: 2021, cell: { value: 40 } },
    { year: 2022, cell: { suppressed: true as const, reason: 'secondary' } },
  ];
  const shares = shareSeries(series, persons);
  it('divides by the persons of the year, never by the sum of the drawn cells', () => {
    // 2021: "online" is withheld; "offline" is still 35 of 40 persons, not 35 of 35.
    expect(shares[1].points[1].cell).toEqual({ value: 35 / 40 });
    expect(shares[1].points[0].cell).toEqual({ value: 40 / 50 });
  });
  it('keeps a withheld cell withheld with its own reason, and withholds shares of a withheld base', () => {
    expect(shares[0].points[1].cell).toEqual({ suppressed: true, reason: 'threshold' });
    expect(shares[0].points[2].cell).toEqual({ suppressed: true, reason: 'derived_from_suppressed' });
  });
  it('draws as lines in percent: every year with a published share has a point, a gap only where withheld', () => {
    const l = lineChart({ series: shares, width: 600, height: 300, locale: 'en', percent: true });
    expect(l.lines[1].points.filter((p) => p.y !== null).map((p) => p.year)).toEqual([2020, 2021]);
    expect(l.lines[0].points.filter((p) => p.y !== null).map((p) => p.year)).toEqual([2020]);
    expect(l.yTicks.at(-1)!.label).toMatch(/%/);
    expect(l.withheld.map((w) => `${w.key} ${w.year} ${w.reason}`)).toEqual([
      'online 2021 threshold',
      'online 2022 derived_from_suppressed',
      'offline 2022 derived_from_suppressed',
    ]);
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
    expect(g.bars[2].withheldLines).toEqual(['non publié']);
  });
  it('writes why a category is withheld, wrapped to the room beside its placeholder, the bar still of no length', () => {
    const why = (c: { reason?: string }) => `non publié : ${c.reason === 'threshold' ? 'moins de 10 personnes' : '?'}`;
    const narrow = horizontalBars({ rows, width: 300, locale: 'fr', withheldText: why });
    const b = narrow.bars[2];
    expect(b.withheldText).toBe('non publié : moins de 10 personnes');
    expect(b.withheldLines.join(' ')).toBe(b.withheldText);
    expect(b.withheldLines.length).toBeGreaterThan(1);
    expect(b.width).toBe(0);
    for (const line of b.withheldLines) expect(b.valueX + measureText(line, 12)).toBeLessThanOrEqual(300 + 0.5);
    // The row grows for the wrapped text instead of letting it overlap the next row.
    expect(b.rowHeight).toBeGreaterThanOrEqual(b.withheldLines.length * 14);
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
