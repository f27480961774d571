import { normaliseLabel, type ImportIssue } from '@observatoire/schema';
import { dropDuplicateRows, findDuplicateRows } from '../load/staging.js';
import { closestCodes, wideCodeForHeader } from '../mapping/closest-codes.js';
import { MAX_SAMPLES, type ColumnVerdict } from '../mapping/column-reading.js';
import type { CanonicalField } from '../mapping/fields.js';
import type { ColumnPlan, PlannedColumn } from '../mapping/plan.js';
import { msg } from '../messages.js';
import { safeRaw, warningMessage, type GroupedWarning, type RowNormaliser } from '../normalise/record.js';
import { fieldReadings } from '../normalise/understood.js';
import { isFalsy, isTruthy } from '../normalise/ticks.js';
import { keptValue } from '../privacy/kept-values.js';
import type { Staged } from './stream-and-stage.js';
import { issue, MAX_REPORTED_ERRORS, stop, type ImportState, type Stop } from './state.js';

/**
 * Stage 4, verdict: a file whose content reads like identifying data is refused whole; otherwise the report gets
 * its column notes, warnings and row errors (repeated case ids included), and the import stops when no row, or a
 * rejected row without `skipInvalidRows`, leaves nothing to load. Null when the records may be merged.
 */
export async function verdict(s: ImportState, staged: Staged, plan: ColumnPlan): Promise<Stop | null> {
  const refusal = contentRefusal(staged, plan);
  if (refusal) return refusal;
  noteColumns(s, staged, plan);
  await countRowErrors(s, staged, plan);
  staged.phase('privacy verdict and duplicate check');
  const { rowsRead, rowsRejected, rowsAccepted } = s.draft.counts;
  if (rowsRead === 0) return stop('failed', [issue('no_data', 'error', msg.noData())]);
  if ((rowsRejected > 0 && !s.input.skipInvalidRows) || rowsAccepted === 0) return stop('rejected');
  return null;
}

/** Any column whose content looks like identifiers refuses the whole file. */
function contentRefusal(staged: Staged, plan: ColumnPlan): Stop | null {
  const flagged = staged.rows.scan.flagged();
  if (flagged.length === 0) return null;
  return stop(
    'refused',
    flagged.map((f) => {
      const header = plan.columns[f.column]?.header ?? `#${f.column + 1}`;
      return issue('identifier_content', 'error', msg.identifierContent(header, f.kind, f.count, f.firstRow), {
        column: header,
        row: f.firstRow,
        count: f.count,
      });
    }),
  );
}

/** Column notes (free text dropped, birth dates dropped, unmapped columns with suggestions), then the warnings. */
function noteColumns(s: ImportState, staged: Staged, plan: ColumnPlan): void {
  const notes = s.draft.issues;
  const { freeTextHits, ragged, normaliser, reader } = staged.rows;
  for (const c of plan.columns) {
    const note = { column: c.header };
    if (c.status === 'free_text' || (c.status === 'unmapped' && (freeTextHits.get(c.index) ?? 0) > 0)) {
      c.status = 'free_text';
      notes.push(issue('free_text_dropped', 'warning', msg.freeTextDropped(c.header), note));
    } else if (c.field === 'birthDate' && c.status === 'mapped') {
      notes.push(issue('birth_date_dropped', 'warning', msg.birthDateDropped(c.header), note));
    } else if (c.status === 'unmapped' && normaliseLabel(c.header) !== '' && !/^#\d+$/.test(c.header)) {
      notes.push(unmappedNote(c, reader.verdict(c.index)));
    } else if (c.status === 'unmapped') {
      // A column without a title cannot be named in a profile: if it looks like data, the file needs a title there.
      const v = reader.verdict(c.index);
      if (v?.reading === 'one_hot' || v?.reading === 'data')
        notes.push(issue('untitled_data_column', 'warning', msg.untitledDataColumn(c.index + 1), note));
    } else if (c.status === 'dropped' && c.field) {
      notes.push(issue('duplicate_column', 'info', msg.duplicateColumn(c.header, c.field), note));
    }
  }
  if (!plan.byField.has('caseId')) notes.push(issue('no_case_id_column', 'info', msg.noCaseIdColumn()));
  notes.push(...ragged.issues());
  const warnings = normaliser.groupedWarnings();
  for (const w of warnings) {
    const candidates =
      w.code === 'unknown_value' && w.rawValue ? closestCodes(w.field as CanonicalField, w.rawValue) : [];
    notes.push(
      issue(w.code, 'warning', warningMessage(w), {
        column: w.column,
        ...(w.rawValue !== '' && { rawValue: w.rawValue }),
        count: w.count,
        rows: w.rows,
        ...(candidates.length > 0 && { candidates }),
      }),
    );
  }
  s.draft.understood = fieldReadings(plan, normaliser, warnings);
  noteDoubtfulColumns(s, normaliser, warnings);
  const { declaredTotal } = s.draft;
  if (declaredTotal !== null && declaredTotal !== staged.rows.read)
    notes.push(issue('control_total_mismatch', 'warning', msg.totalMismatch(declaredTotal, staged.rows.read)));
}

/** An unmapped column's note, and what the mapping screen needs to know about it (its reading, samples, code). */
function unmappedNote(c: PlannedColumn, v: ColumnVerdict | null) {
  const note = { column: c.header };
  if (v) {
    c.reading = v.reading;
    if (v.samples) c.samples = v.samples;
  }
  if (v?.reading === 'one_hot') {
    c.needsDecision = true;
    const code = wideCodeForHeader(c.header);
    if (code) c.suggestedCode = code;
    // A one-hot column's title names a code, not a column: a close column title is not a suggestion.
    delete c.suggestion;
    return issue('one_hot_column', 'warning', msg.oneHotColumn(c.header), note);
  }
  if (v?.reading === 'data') {
    c.needsDecision = true;
    return issue('data_column', 'warning', msg.dataColumn(c.header, c.suggestion), note);
  }
  return issue('unmapped_column', 'warning', msg.unmappedColumn(c.header, c.suggestion), note);
}

/**
 * A mapped coded column most of whose non-empty cells were not recognised is doubtful: the mapping screen shows it
 * with its most frequent values, to map them or the column.
 */
function noteDoubtfulColumns(s: ImportState, normaliser: RowNormaliser, warnings: readonly GroupedWarning[]): void {
  const { values } = normaliser.tallies();
  for (const [col, byRaw] of values) {
    let filled = 0;
    for (const [raw, n] of byRaw) if (raw.trim() !== '') filled += n;
    if (filled === 0) continue;
    col.samples = [...byRaw.entries()]
      .filter(([raw]) => raw.trim() !== '' && keptValue(col.field, raw) !== null)
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_SAMPLES)
      .map(([value, count]) => ({ value: safeRaw(value.trim()), count }));
    const unknown = warnings
      .filter((w) => w.code === 'unknown_value' && w.column === col.header)
      .reduce((sum, w) => sum + w.count, 0);
    if (unknown * 2 >= filled) {
      col.doubtful = true;
      // Ticks read as something else ("Annonces en ligne" of X as online exploitation): the code its title names.
      const ticks = [...byRaw.keys()].map((raw) => normaliseLabel(raw) || raw.trim());
      if (ticks.some(isTruthy) && ticks.every((k) => isTruthy(k) || isFalsy(k))) {
        const code = wideCodeForHeader(col.header);
        if (code) col.suggestedCode = code;
      }
      s.draft.issues.push(
        issue('doubtful_column', 'warning', msg.doubtfulColumn(col.header, col.field!), { column: col.header }),
      );
    }
  }
}

/**
 * The row errors, then the records whose (year, case id) repeats an earlier one, found in staging (dropped when
 * invalid rows are skipped); the counts follow.
 */
async function countRowErrors(s: ImportState, staged: Staged, plan: ColumnPlan): Promise<void> {
  const { normaliser } = staged.rows;
  const errors: ImportIssue[] = normaliser.errors.map((e) =>
    issue(e.code, 'error', e.message, {
      row: e.row,
      column: e.column,
      ...(e.rawValue !== undefined && { rawValue: e.rawValue }),
    }),
  );
  let rejected = normaliser.rejectedRows;
  let duplicates = 0;
  // Rows without a case id get keys that cannot repeat; with ids, the exact check runs only when one may repeat.
  if (plan.byField.has('caseId') && normaliser.possibleDuplicates) {
    const dups = await findDuplicateRows(s.db, s.association.id, staged.recordsBatch, MAX_REPORTED_ERRORS);
    if (dups.total > 0) {
      const header = plan.byField.get('caseId')![0].header;
      for (const row of dups.rows)
        errors.push(issue('duplicate_case', 'error', msg.duplicateCase(header), { row, column: header }));
      duplicates = dups.total;
      rejected += dups.total;
      if (s.input.skipInvalidRows)
        staged.stored -= await dropDuplicateRows(s.db, s.association.id, staged.recordsBatch);
    }
  }
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  s.draft.errors = errors;
  s.draft.errorsTotal = normaliser.errorCount + duplicates;
  s.draft.counts.rowsRejected = rejected;
  s.draft.counts.rowsAccepted = staged.rows.read - rejected;
}
