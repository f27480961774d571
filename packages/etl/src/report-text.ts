import type { ImportIssue, ImportReport, Locale } from '@observatoire/schema';
import { yearChangeText } from './messages.js';

const L = {
  fr: {
    file: 'Fichier',
    association: 'Association',
    outcome: 'Résultat',
    years: 'Années',
    rowsRead: 'Lignes lues',
    accepted: 'acceptées',
    rejected: 'rejetées',
    skipped: 'ignorées (vides ou totaux)',
    records: 'Dossiers',
    new: 'nouveaux',
    replaced: 'modifiés',
    unchanged: 'inchangés',
    removed: 'retirés',
    errors: 'Erreurs',
    warnings: 'Avertissements',
    row: 'ligne',
    column: 'colonne',
    value: 'valeur',
    rows: 'lignes',
    more: (n: number) => `… et ${n} autre(s) erreur(s) (voir le rapport JSON avec --json)`,
    header: "Ligne d'en-tête",
    changes: 'Colonnes modifiées depuis le dernier envoi',
    appeared: 'apparues',
    vanished: 'disparues',
    renamed: 'renommées',
    byYear: 'Par année (dossiers enregistrés)',
    outcomes: {
      committed: 'importé',
      dry_run: 'essai à blanc (rien enregistré)',
      duplicate: 'déjà importé (rien changé)',
      rejected: 'rejeté (erreurs dans des lignes)',
      refused: 'refusé (données identifiantes)',
      failed: 'échec',
    },
  },
  en: {
    file: 'File',
    association: 'Association',
    outcome: 'Outcome',
    years: 'Years',
    rowsRead: 'Rows read',
    accepted: 'accepted',
    rejected: 'rejected',
    skipped: 'skipped (blank or totals)',
    records: 'Cases',
    new: 'new',
    replaced: 'changed',
    unchanged: 'unchanged',
    removed: 'removed',
    errors: 'Errors',
    warnings: 'Warnings',
    row: 'row',
    column: 'column',
    value: 'value',
    rows: 'rows',
    more: (n: number) => `… and ${n} more error(s) (see the JSON report with --json)`,
    header: 'Header row',
    changes: 'Columns changed since the previous upload',
    appeared: 'appeared',
    vanished: 'vanished',
    renamed: 'renamed',
    byYear: 'Per year (stored cases)',
    outcomes: {
      committed: 'imported',
      dry_run: 'dry run (nothing stored)',
      duplicate: 'already imported (nothing changed)',
      rejected: 'rejected (errors in rows)',
      refused: 'refused (identifying data)',
      failed: 'failed',
    },
  },
} as const;

function issueLine(i: ImportIssue, lang: Locale, show: number): string {
  const t = L[lang];
  const where = [
    i.row !== undefined ? `${t.row} ${i.row}` : null,
    i.column !== undefined ? `${t.column} « ${i.column} »` : null,
    i.rawValue !== undefined && i.rawValue !== '' ? `${t.value} « ${i.rawValue} »` : null,
  ]
    .filter(Boolean)
    .join(', ');
  const rows =
    i.rows && i.rows.length > 0 && i.row === undefined
      ? ` (${t.rows} ${i.rows.slice(0, show).join(', ')}${(i.count ?? 0) > show ? '…' : ''})`
      : '';
  return `  - ${where ? `${where} : ` : ''}${i.message[lang]}${rows}`;
}

/** The import report as a readable text (French by default), for the command line. */
export function formatReport(report: ImportReport, lang: Locale = 'fr', maxErrors = 50): string {
  const t = L[lang];
  const c = report.counts;
  const lines: string[] = [];
  lines.push(
    `${t.file} : ${report.fileName}${report.format ? ` (${report.format}${report.encoding ? `, ${report.encoding}` : ''})` : ''}`,
  );
  lines.push(`${t.association} : ${report.association}`);
  lines.push(`${t.outcome} : ${t.outcomes[report.outcome]}`);
  lines.push(report.summary[lang]);
  if (report.headerRow !== null) lines.push(`${t.header} : ${report.headerRow}`);
  if (report.referenceYears.length) lines.push(`${t.years} : ${report.referenceYears.join(', ')}`);
  lines.push(
    `${t.rowsRead} : ${c.rowsRead} (${c.rowsAccepted} ${t.accepted}, ${c.rowsRejected} ${t.rejected}, ${c.rowsSkipped} ${t.skipped})`,
  );
  if (report.outcome === 'committed' || report.outcome === 'dry_run') {
    lines.push(
      `${t.records} : ${c.recordsNew} ${t.new}, ${c.recordsReplaced} ${t.replaced}, ${c.recordsUnchanged} ${t.unchanged}, ${c.recordsRemoved} ${t.removed}`,
    );
  }
  const touched = (report.yearChanges ?? []).filter((y) => y.before > 0);
  if (touched.length) {
    lines.push(`${t.byYear} :`);
    for (const y of touched) lines.push(`  ${y.removed > 0 ? '!' : '-'} ${yearChangeText(y)[lang]}`);
  }
  const hc = report.headerChanges;
  if (hc && (hc.appeared.length || hc.vanished.length || hc.renamed.length)) {
    lines.push(`${t.changes} :`);
    if (hc.appeared.length) lines.push(`  + ${t.appeared} : ${hc.appeared.join(', ')}`);
    if (hc.vanished.length) lines.push(`  - ${t.vanished} : ${hc.vanished.join(', ')}`);
    if (hc.renamed.length) lines.push(`  ~ ${t.renamed} : ${hc.renamed.map((r) => `${r.from} → ${r.to}`).join(', ')}`);
  }
  const errors = report.errors;
  const fileLevel = report.warnings.filter((w) => w.severity === 'error');
  if (errors.length || fileLevel.length) {
    lines.push(`${t.errors} :`);
    for (const e of fileLevel) lines.push(issueLine(e, lang, 10));
    for (const e of errors.slice(0, maxErrors)) lines.push(issueLine(e, lang, 10));
    const more = errors.length - Math.min(errors.length, maxErrors) + report.errorsTruncated;
    if (more > 0) lines.push(`  ${t.more(more)}`);
  }
  const warnings = report.warnings.filter((w) => w.severity !== 'error');
  if (warnings.length) {
    lines.push(`${t.warnings} :`);
    for (const w of warnings) lines.push(issueLine(w, lang, 10));
  }
  return `${lines.join('\n')}\n`;
}
