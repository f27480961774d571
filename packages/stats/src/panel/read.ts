import {
  type AggregateCell,
  type Comparison,
  type ComparisonFigure,
  type LocalisedText,
  type ReleaseComposition,
} from '@observatoire/schema';
import { cellKey, type CellDimension } from '../cube/build.js';
import { ALL } from '../cube/dimensions.js';
import type { Db } from '../db.js';
import { StatsError } from '../errors.js';
import { derived, toCell } from '../queries.js';
import { loadReleaseData, type LoadedRelease } from '../release/read.js';
import { compositionText, panelText, type CompositionCounts } from './texts.js';
import { panelView, parsePanelView } from './view.js';

const FIGURES: { key: ComparisonFigure['key']; label: LocalisedText; dimension: CellDimension; code: string }[] = [
  { key: 'cases', label: { fr: 'Personnes suivies', en: 'People supported' }, dimension: 'cases', code: 'all' },
  {
    key: 'online',
    label: { fr: 'Recrutées en ligne', en: 'Recruited online' },
    dimension: 'recruitmentChannelGroup',
    code: 'online',
  },
  { key: 'minors', label: { fr: 'Mineur·es', en: 'Minors' }, dimension: 'minor', code: 'yes' },
];

function cell(data: LoadedRelease, view: string, year: number, dimension: string, code: string) {
  return data.cells.get(cellKey(view, year, dimension as CellDimension, code));
}

const associationCount = (data: LoadedRelease, view: string, year: number, code: string): number =>
  cell(data, view, year, 'associations', code)?.value ?? 0;

/** The panels a release stored, as [from, to] (releases published before panels existed have none). */
export function panelsOf(data: LoadedRelease): { from: number; to: number }[] {
  const seen = new Map<string, { from: number; to: number }>();
  for (const c of data.cells.values()) {
    const p = parsePanelView(c.filter);
    if (p) seen.set(c.filter, p);
  }
  return [...seen.values()].sort((a, b) => a.to - a.from - (b.to - b.from) || a.from - b.from);
}

/** Two years of a release compared: associations on each side, figures over all of them and over the panel. */
export function comparisonOf(data: LoadedRelease, from: number, to: number): Comparison | null {
  const view = panelView(from, to);
  if (!cell(data, view, from, 'associations', 'reporting')) return null;
  const associations: CompositionCounts = {
    from: associationCount(data, view, from, 'reporting'),
    to: associationCount(data, view, to, 'reporting'),
    panel: associationCount(data, view, to, 'panel'),
    joined: associationCount(data, view, to, 'joined'),
    left: associationCount(data, view, from, 'left'),
  };
  const figures = (source: string) =>
    FIGURES.map((f): ComparisonFigure => {
      const a = toCell(cell(data, source, from, f.dimension, f.code)) as AggregateCell;
      const b = toCell(cell(data, source, to, f.dimension, f.code)) as AggregateCell;
      return { key: f.key, label: f.label, from: a, to: b, change: derived([b, a], (x, y) => x - y) };
    });
  const panel = figures(view);
  const cases = panel.find((f) => f.key === 'cases')!;
  const span = data.release.referenceYears.filter((y) => y > from && y < to).length > 0;
  return {
    from,
    to,
    panelView: view,
    associations: {
      from: associations.from,
      to: associations.to,
      panel: associations.panel,
      joined: associations.joined,
      left: associations.left,
    },
    all: figures(ALL),
    panel,
    composition: compositionText(from, to, associations),
    panelNote: panelText(from, to, span, associations, cases),
  };
}

/** Who stands behind each year of a release, and every comparison it publishes. */
export async function getComposition(db: Db, releaseRef: string): Promise<ReleaseComposition> {
  const data = await loadReleaseData(db, releaseRef);
  return {
    releaseId: data.release.id,
    years: data.release.referenceYears.map((year) => ({
      year,
      associations: data.row.contributing_by_year[String(year)] ?? 0,
    })),
    comparisons: panelsOf(data)
      .map((p) => comparisonOf(data, p.from, p.to))
      .filter((c): c is Comparison => c !== null),
  };
}

/** The panel view a series request names (`<from>-<to>`), checked against the release. */
export function checkedPanel(data: LoadedRelease, panel: string): { view: string; from: number; to: number } {
  const parsed = parsePanelView(`panel:${panel}`);
  const known = parsed && panelsOf(data).some((p) => p.from === parsed.from && p.to === parsed.to);
  if (!parsed || !known) {
    const list = panelsOf(data)
      .map((p) => `${p.from}-${p.to}`)
      .join(', ');
    throw new StatsError('unknown_code', 400, {
      fr: `Comparaison à associations constantes « ${panel} » absente de cette publication (disponibles : ${list || 'aucune'}).`,
      en: `Same-associations comparison "${panel}" is not in this release (available: ${list || 'none'}).`,
    });
  }
  return { view: panelView(parsed.from, parsed.to), ...parsed };
}
