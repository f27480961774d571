import { diffHeaders, planColumns, type ColumnPlan } from '../mapping/plan.js';
import { msg } from '../messages.js';
import { keptValue } from '../privacy/kept-values.js';
import type { Header } from './read-header.js';
import { issue, stop, type ImportState, type Stop } from './state.js';

/**
 * Stage 2, guard: maps the columns, then refuses a file whose headers name identifying data before a single data
 * row is read, and fails one without a year. Notes what changed since the association's previous upload.
 */
export function guardHeaders(s: ImportState, header: Header): ColumnPlan | Stop {
  const plan = planColumns(header.headers, s.profile);
  s.draft.plan = plan;
  // Rejected rows are kept with their coded columns only: never an id, a date, free text or an unmapped column.
  s.draft.rejected = { columns: keptColumns(plan).map((c) => c.header), rows: [] };
  const changes = diffHeaders(s.lastHeaders, header.headers);
  s.draft.headerChanges = changes;
  if (changes && (changes.appeared.length || changes.vanished.length || changes.renamed.length))
    s.draft.issues.push(issue('headers_changed', 'info', msg.headerChanged()));

  const idColumns = plan.columns.filter((c) => c.status === 'identifier');
  if (idColumns.length > 0) {
    return stop(
      'refused',
      idColumns.map((c) =>
        issue('identifier_column', 'error', msg.identifierHeader(c.header, c.identifierKind!), { column: c.header }),
      ),
    );
  }
  if (plan.fixedYear === null && !plan.byField.has('referenceYear') && !plan.byField.has('referenceDate'))
    return stop('failed', [issue('year_column_missing', 'error', msg.noYearColumn())]);
  return plan;
}

/** The columns whose cells a rejected row keeps (coded ones). */
export function keptColumns(plan: ColumnPlan) {
  return plan.columns.filter((c) => (c.status === 'mapped' || c.status === 'wide') && keptValue(c.field, '') !== null);
}
