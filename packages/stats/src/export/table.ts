import {
  suppressionReasonMessages,
  type AggregateCell,
  type Breakdown,
  type Locale,
  type LocalisedText,
  type YearlySummary,
} from '@observatoire/schema';

/** Localised words of every downloadable file (the summaries in CSV, XLSX and PDF, the multi-year files), once. */
export const T = {
  title: { fr: 'Synthèse annuelle', en: 'Yearly summary' },
  observatory: {
    fr: 'Observatoire du recrutement en ligne dans la traite des êtres humains',
    en: 'Observatory of online recruitment in human trafficking',
  },
  keyFigures: { fr: 'Chiffres clés', en: 'Key figures' },
  notes: { fr: 'Notes', en: 'Notes' },
  table: { fr: 'Tableau', en: 'Table' },
  code: { fr: 'Code', en: 'Code' },
  label: { fr: 'Libellé', en: 'Label' },
  cases: { fr: 'Cas', en: 'Cases' },
  share: { fr: 'Part (%)', en: 'Share (%)' },
  note: { fr: 'Note', en: 'Note' },
  indicator: { fr: 'Indicateur', en: 'Indicator' },
  value: { fr: 'Valeur', en: 'Value' },
  totalCases: { fr: 'Personnes (cas)', en: 'People (cases)' },
  onlineCases: {
    fr: 'Recrutées en ligne (au moins un canal en ligne)',
    en: 'Recruited online (at least one online channel)',
  },
  onlineShare: { fr: 'Part recrutée en ligne (%)', en: 'Share recruited online (%)' },
  minors: { fr: 'Mineurs', en: 'Minors' },
  previousCases: { fr: 'Cas l’année précédente', en: 'Cases the previous year' },
  change: { fr: 'Évolution sur un an (cas)', en: 'Change over one year (cases)' },
  associations: { fr: 'Associations contributrices', en: 'Contributing associations' },
  release: { fr: 'Publication', en: 'Release' },
  releaseDate: { fr: 'Date de publication', en: 'Release date' },
  referenceYear: { fr: 'Année de référence', en: 'Reference year' },
  methodology: { fr: 'Méthodologie et contrôle de la divulgation', en: 'Methodology and disclosure control' },
  caveats: { fr: 'Précautions', en: 'Caveats' },
  withheld: { fr: 'masqué', en: 'withheld' },
  multiValued: {
    fr: 'Valeurs multiples : une personne peut compter dans plusieurs lignes, le total des lignes peut dépasser le total.',
    en: 'Multi-valued: one person can count in several rows, rows can add up to more than the total.',
  },
  rule: { fr: 'Règle de diffusion', en: 'Disclosure rule' },
  previousAssociations: {
    fr: 'Associations contributrices l’année précédente',
    en: 'Contributing associations the previous year',
  },
  panelCases: { fr: 'Personnes (cas), mêmes associations', en: 'People (cases), same associations' },
  panelChange: {
    fr: 'Évolution sur un an, mêmes associations (cas)',
    en: 'Change over one year, same associations (cases)',
  },
  composition: { fr: 'Associations de chaque côté', en: 'Associations on each side' },
  // The multi-year files (all-years.ts, all-years-xlsx.ts).
  year: { fr: 'Année', en: 'Year' },
  referenceYears: { fr: 'Années de référence', en: 'Reference years' },
  view: { fr: 'Population', en: 'Population' },
  status: { fr: 'Statut', en: 'Status' },
  published: { fr: 'publié', en: 'published' },
  everyone: { fr: 'Toutes les personnes', en: 'Everyone' },
  allYears: { fr: 'Toutes les années', en: 'All years' },
  sameAssociations: { fr: 'Mêmes associations', en: 'Same associations' },
  associationCount: { fr: 'Associations (nombre)', en: 'Associations (number)' },
  allCells: { fr: 'Toutes les cases', en: 'All cells' },
  licence: { fr: 'Licence', en: 'Licence' },
  withheldCell: {
    fr: 'Une case vide et grisée est masquée par la règle de diffusion (ce n’est pas un zéro) : sa raison est dans sa note et dans l’onglet « Toutes les cases ».',
    en: 'An empty grey cell is withheld by the disclosure rule (not a zero): its reason is in its note and in the "All cells" sheet.',
  },
} satisfies Record<string, LocalisedText>;

export function withheldNote(cell: AggregateCell, lang: Locale): string {
  return 'suppressed' in cell ? (cell.message?.[lang] ?? suppressionReasonMessages[cell.reason][lang]) : '';
}

export const valueOf = (cell: AggregateCell | null | undefined): number | null =>
  cell && 'value' in cell ? cell.value : null;

export interface KeyFigureRow {
  label: string;
  cell: AggregateCell;
}

export function keyFigureRows(s: YearlySummary, lang: Locale): KeyFigureRow[] {
  const rows: KeyFigureRow[] = [
    { label: T.totalCases[lang], cell: s.cases },
    { label: T.onlineCases[lang], cell: s.onlineCases },
    { label: T.onlineShare[lang], cell: s.onlineShare },
    { label: T.minors[lang], cell: s.minors },
  ];
  if (s.previousYear) {
    rows.push({ label: `${T.previousCases[lang]} (${s.previousYear.referenceYear})`, cell: s.previousYear.cases });
    rows.push({ label: T.change[lang], cell: s.previousYear.change });
  }
  const c = s.comparison;
  if (c) {
    // Who stands behind each side, and the same figures on the associations present both years.
    rows.push({ label: `${T.previousAssociations[lang]} (${c.from})`, cell: { value: c.associations.from } });
    const panel = c.panel.find((f) => f.key === 'cases');
    if (panel) {
      rows.push({ label: `${T.panelCases[lang]} (${c.from})`, cell: panel.from });
      rows.push({ label: `${T.panelCases[lang]} (${c.to})`, cell: panel.to });
      rows.push({ label: T.panelChange[lang], cell: panel.change });
    }
  }
  return rows;
}

/** The comparison with the previous year in words: the associations on each side, then the same associations. */
export function comparisonNotes(s: YearlySummary, lang: Locale): string[] {
  return s.comparison ? [s.comparison.composition[lang], s.comparison.panelNote[lang]] : [];
}

/** Rows of one breakdown table: the total first, then each code. */
export function breakdownRows(b: Breakdown, lang: Locale) {
  return [
    { code: 'total', label: T.totalCases[lang], cell: b.total, share: null as AggregateCell | null },
    ...b.items.map((i) => ({ code: i.code, label: i.label[lang], cell: i.cell, share: i.share ?? null })),
  ];
}
