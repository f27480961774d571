/**
 * Layout properties every chart must keep, on the real French and English labels (long ones included) at phone
 * and desktop widths: no text outside the drawing, no two texts on top of each other, no label cut, and every
 * series told apart by more than its colour.
 */
import { codeLists } from '@observatoire/schema';
import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  GROUP_COLOURS,
  horizontalBars,
  legendLayout,
  lineChart,
  PALETTE,
  seriesStyle,
  stackedAreaChart,
  type Cell,
  type ChartCategory,
  type ChartSeries,
  type Locale,
} from '../src/index.js';
import { barTextBoxes, collisions, legendBoxes, lineTextBoxes, outside } from './boxes.js';

const YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
const LONG = {
  fr: 'Offre d’emploi frauduleuse publiée sur un site de petites annonces en ligne (hors réseaux sociaux)',
  en: 'Fraudulent job offer posted on an online classified-ads website (not on social networks)',
};

/** Deterministic values, with a withheld cell now and then and several lines ending close together. */
function cell(i: number, y: number): Cell {
  if ((i * 7 + y) % 11 === 0) return { suppressed: true };
  return { value: 5 + ((i * 13 + y * 3) % 9) + (i % 3) * 2 };
}

function channelSeries(lang: Locale): ChartSeries[] {
  const list = codeLists.recruitmentChannel.map((c, i) => ({
    key: c.code,
    label: i === 2 ? LONG[lang] : c.label[lang],
    points: YEARS.map((year) => ({ year, cell: cell(i, year) })),
  }));
  return list;
}

function platformRows(lang: Locale): ChartCategory[] {
  return codeLists.recruitmentPlatform.map((p, i) => ({
    key: p.code,
    label: i === 3 ? LONG[lang] : p.label[lang],
    cell: i % 4 === 1 ? { suppressed: true } : { value: 10 + i * 3 },
  }));
}

const WIDTHS = [360, 640, 960, 1280];

describe('series are told apart by more than colour', () => {
  it('every colour reaches 3:1 against white (WCAG 2.1 1.4.11)', () => {
    for (const c of [...PALETTE, ...Object.values(GROUP_COLOURS)])
      expect(contrastRatio(c, '#ffffff')).toBeGreaterThanOrEqual(3);
  });
  it('gives each of 64 series its own colour, marker and dash combination, and the first eight their own marker', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 64; i++) {
      const s = seriesStyle(i);
      seen.add(`${s.colour}|${s.marker}|${s.dash}`);
    }
    expect(seen.size).toBe(64);
    expect(new Set(Array.from({ length: 8 }, (_, i) => seriesStyle(i).marker)).size).toBe(8);
    // Two series of the same colour never share a marker.
    expect(seriesStyle(8).colour).toBe(seriesStyle(0).colour);
    expect(seriesStyle(8).marker).not.toBe(seriesStyle(0).marker);
    expect(seriesStyle(8).dash).not.toBeNull();
  });
  it('draws the line with the style its legend shows, for all 17 channels', () => {
    const g = lineChart({ series: channelSeries('fr'), width: 960, height: 380, locale: 'fr', endLabels: true });
    const combos = new Set(g.lines.map((l) => `${l.colour}|${l.style.marker}|${l.dash}`));
    expect(combos.size).toBe(17);
    g.lines.forEach((l, i) => expect(l.style).toEqual(seriesStyle(i, l.key)));
  });
});

describe.each(['fr', 'en'] as const)('%s labels', (lang) => {
  describe.each(WIDTHS)('at %i px', (width) => {
    it('line chart: direct labels whole, apart, inside the drawing; axis labels inside too', () => {
      const series = channelSeries(lang);
      const g = lineChart({ series, width, height: 380, locale: lang, endLabels: width >= 560 });
      const boxes = lineTextBoxes(g);
      expect(outside(boxes, g.width, g.height)).toEqual([]);
      expect(collisions(boxes)).toEqual([]);
      for (const l of g.lines) {
        if (!l.endLabel) continue;
        expect(l.endLabel.lines.join(' ')).toBe(l.label);
        // The leader joins the line's last point to its label.
        expect(l.endLabel.leader.x2).toBeLessThan(l.endLabel.x);
        expect(l.endLabel.leader.y2).toBeCloseTo(l.endLabel.y);
      }
      if (width >= 560) expect(g.lines.filter((l) => l.endLabel)).toHaveLength(17);
      // Withheld markers stay inside the drawing and never two on one spot.
      for (const w of g.withheld) expect(w.y + g.markerSize / 2).toBeLessThanOrEqual(g.height);
      const spots = g.withheld.map((w) => `${w.x}|${w.y}`);
      expect(new Set(spots).size).toBe(spots.length);
    });

    it('stacked areas: axis labels inside the drawing and apart', () => {
      const g = stackedAreaChart({ series: channelSeries(lang), width, height: 300, locale: lang });
      const boxes = lineTextBoxes(g);
      expect(outside(boxes, g.width, g.height)).toEqual([]);
      expect(collisions(boxes)).toEqual([]);
    });

    it('bars: labels wrapped whole, values and withheld marks inside, nothing overlapping, "unknown" off the scale', () => {
      const rows = platformRows(lang);
      const main = rows.filter((r) => r.key !== 'other');
      const aside = {
        label:
          lang === 'fr'
            ? 'Hors échelle : plateforme inconnue ou sans objet'
            : 'Not to scale: platform unknown or not applicable',
        rows: [
          { key: 'unknown', label: lang === 'fr' ? 'Inconnue' : 'Unknown', cell: { value: 453 } },
          {
            key: 'not_applicable',
            label: lang === 'fr' ? 'Sans objet (hors ligne)' : 'Not applicable (offline)',
            cell: { suppressed: true } as Cell,
          },
        ],
      };
      // Each withheld category says why, at length: the words wrap, nothing leaves the drawing.
      const withheldText = () =>
        lang === 'fr'
          ? 'non publié : calculé d’un chiffre non publié'
          : 'not published: computed from an unpublished figure';
      const g = horizontalBars({ rows: main, width, locale: lang, aside, withheldText });
      expect(g.bars.some((b) => b.withheld)).toBe(true);
      const boxes = barTextBoxes(g);
      expect(outside(boxes, g.width, g.height)).toEqual([]);
      expect(collisions(boxes)).toEqual([]);
      for (const b of [...g.bars, ...g.aside!.bars]) expect(b.labelLines.join(' ')).toBe(b.label);
      // The scale is the platforms' own: 453 does not set it.
      const biggest = Math.max(...main.map((r) => ('value' in r.cell ? r.cell.value : 0)));
      expect(g.xTicks[g.xTicks.length - 1].value).toBeLessThan(2 * biggest);
      expect(g.aside!.bars.every((b) => b.width === 0)).toBe(true);
      // Bars and placeholders stay clear of their row's label and inside the width.
      for (const b of g.bars) {
        expect(b.x + b.width).toBeLessThanOrEqual(g.width);
        if (b.placeholder) expect(b.placeholder.size).toBe(g.bars.find((o) => o.placeholder)!.placeholder!.size);
      }
      // Rows never overlap: each starts where the previous ended.
      for (let i = 1; i < g.bars.length; i++)
        expect(g.bars[i].rowY).toBeCloseTo(g.bars[i - 1].rowY + g.bars[i - 1].rowHeight);
    });

    it('legend: every label whole, inside the width, nothing overlapping, grouped', () => {
      const entries = channelSeries(lang).map((s, i) => ({
        key: s.key,
        label: s.label,
        style: seriesStyle(i, s.key),
        group: { key: i < 9 ? 'online' : 'offline', label: i < 9 ? 'En ligne' : 'Hors ligne' },
      }));
      const l = legendLayout(entries, { x: 24, y: 10, width: width - 48 });
      const boxes = legendBoxes(l, 12);
      expect(outside(boxes, width - 24, 10 + l.height)).toEqual([]);
      expect(collisions(boxes)).toEqual([]);
      for (const i of l.items) expect(i.lines.join(' ')).toBe(i.label);
      expect(l.headings.map((h) => h.key)).toEqual(['online', 'offline']);
    });
  });
});

describe('PDF sizes', () => {
  it('lays the charts out at 8 pt on an A4 text width without overlap', () => {
    const g = lineChart({
      series: channelSeries('fr'),
      width: 495,
      height: 200,
      locale: 'fr',
      endLabels: true,
      fontSize: 8,
    });
    expect(collisions(lineTextBoxes(g))).toEqual([]);
    expect(outside(lineTextBoxes(g), g.width, g.height)).toEqual([]);
    const b = horizontalBars({ rows: platformRows('fr'), width: 495, locale: 'fr', rowHeight: 18, fontSize: 8 });
    expect(collisions(barTextBoxes(b))).toEqual([]);
    expect(outside(barTextBoxes(b), b.width, b.height)).toEqual([]);
  });
});
