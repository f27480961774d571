/**
 * The yearly summary PDF's charts, read back as a reader's PDF tool reads them (poppler's pdftotext, with word
 * boxes): every category drawn, withheld ones included and marked, every label whole, no two words on top of
 * each other. The summary is built by hand so the test states the cells it draws.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { codeLists, publishedCell, suppressedCell, type Breakdown, type YearlySummary } from '@observatoire/schema';
import { describe, expect, it } from 'vitest';
import { CHART_WITHHELD, chartWithheldText, summaryPdf } from '../src/export/pdf.js';
import { T } from '../src/export/table.js';

const WITHHELD_CHANNELS = new Set(['gaming_platform', 'video_livestream']);

function breakdown(dimension: Breakdown['dimension'], items: Breakdown['items'], label: string): Breakdown {
  return {
    releaseId: null,
    dimension,
    label: { fr: label, en: label },
    referenceYear: 2025,
    filter: {},
    multiValued: true,
    total: publishedCell(600),
    items,
  };
}

function summary(): YearlySummary {
  const channels = codeLists.recruitmentChannel.map((c, i) => ({
    code: c.code,
    label: c.label,
    group: null,
    cell: WITHHELD_CHANNELS.has(c.code) ? suppressedCell('below_threshold') : publishedCell(10 + i * 7),
  }));
  return {
    schemaVersion: '1.0.0',
    releaseId: '00000000-0000-4000-8000-000000000001',
    referenceYear: 2025,
    generatedAt: '2026-07-30T08:00:00.000Z',
    contributingAssociations: 6,
    cases: publishedCell(600),
    onlineCases: publishedCell(320),
    onlineShare: publishedCell(53.3),
    minors: publishedCell(40),
    previousYear: null,
    comparison: null,
    breakdowns: [
      breakdown(
        'recruitmentChannelGroup',
        [
          { code: 'online', label: { fr: 'En ligne', en: 'Online' }, group: null, cell: publishedCell(320) },
          { code: 'offline', label: { fr: 'Hors ligne', en: 'Offline' }, group: null, cell: publishedCell(250) },
          { code: 'unknown', label: { fr: 'Inconnu', en: 'Unknown' }, group: null, cell: suppressedCell('secondary') },
        ],
        'Recrutement en ligne ou hors ligne',
      ),
      breakdown('recruitmentChannel', channels, 'Canal de recrutement'),
    ],
    disclosureRule: { threshold: 5, platformThreshold: 10, minAssociations: 2 },
    methodology: { fr: 'Méthodologie.', en: 'Methodology.' },
    caveats: [],
  };
}

const series = {
  releaseId: null,
  filter: {},
  series: [
    { key: 'cases', label: { fr: 'Personnes', en: 'People' } },
    { key: 'recruitmentChannelGroup:online', label: { fr: 'En ligne', en: 'Online' } },
  ].map((s, k) => ({
    ...s,
    dimension: null,
    code: null,
    group: null,
    measure: 'cases' as const,
    points: [2021, 2022, 2023, 2024, 2025].map((year) => ({
      year,
      cell: k === 1 && year === 2023 ? suppressedCell('below_threshold') : publishedCell(100 * (2 - k) + year - 2000),
    })),
  })),
};

interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Words of one page with their boxes, from `pdftotext -bbox` (poppler-utils). */
function pageWords(pdf: Buffer, page: number): Word[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stats-pdf-charts-'));
  const file = path.join(dir, 's.pdf');
  writeFileSync(file, pdf);
  const html = execFileSync(
    'pdftotext',
    ['-bbox', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'],
    {
      encoding: 'utf8',
    },
  );
  const unescape = (s: string) =>
    s
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'");
  return [
    ...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ].map((m) => ({ x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4], text: unescape(m[5]) }));
}

/** Pairs of words whose boxes overlap by more than a sliver (poppler's boxes include the line's leading). */
function overlapping(words: Word[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++)
    for (let j = i + 1; j < words.length; j++) {
      const a = words[i];
      const b = words[j];
      const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (dx > 1 && dy > 0.3 * Math.min(a.y1 - a.y0, b.y1 - b.y0)) out.push(`${a.text} × ${b.text}`);
    }
  return out;
}

describe.each(['fr', 'en'] as const)('summary PDF charts (%s)', (lang) => {
  it('draws every channel, withheld ones marked, with whole labels and no words on top of each other', async () => {
    const pdf = await summaryPdf(summary(), lang, { series, releaseSlug: 'test', demo: true, warn: () => {} });
    // The charts follow the cover, up to the first page of tables (whose header row is "Libellé Cas Part (%)"):
    // a label or a "masqué" found in the tables must not count for the charts.
    const pages: Word[][] = [];
    for (let n = 2; n < 8; n++) {
      const page = pageWords(pdf, n);
      const texts = page.map((w) => w.text);
      if (texts.some((t, i) => t === T.label[lang] && texts[i + 1] === T.cases[lang])) break;
      pages.push(page);
    }
    expect(pages.length).toBeGreaterThan(0);
    const words = pages.flat();
    const text = words.map((w) => w.text).join(' ');
    // Every channel's label is on the charts page, the withheld ones too.
    for (const c of codeLists.recruitmentChannel) expect(text).toContain(c.label[lang]);
    // Each withheld channel's row says so: the word sits on the label's line.
    for (const code of WITHHELD_CHANNELS) {
      const label = codeLists.recruitmentChannel.find((c) => c.code === code)!.label[lang].split(' ');
      // The label's words in sequence, on one of the pages.
      const at = (p: Word[]) => p.findIndex((_, i) => label.every((l, k) => p[i + k]?.text === l));
      const page = pages.find((p) => at(p) >= 0)!;
      const last = page[at(page) + label.length - 1];
      // "non publié : trop peu de personnes": the word and why, on the label's line, never a bar.
      const first = CHART_WITHHELD[lang].split(' ')[0];
      const mark = page.filter((w) => w.text === first && Math.abs(w.y0 - last.y0) < 3);
      expect(mark, code).toHaveLength(1);
    }
    // Why: the reason is written in full beside each withheld channel.
    const why = chartWithheldText({ reason: 'below_threshold' }, lang).split(' ').slice(-2).join(' ');
    expect(text.split(why).length - 1).toBeGreaterThanOrEqual(WITHHELD_CHANNELS.size);
    // The trend's legend and direct labels are whole: nothing cut with an ellipsis.
    expect(text).not.toContain('…');
    expect(text.split(T.onlineCases[lang].split(' ')[0]).length - 1).toBeGreaterThanOrEqual(2);
    for (const page of pages) expect(overlapping(page)).toEqual([]);
  });
});
