export * from './errors.js';
export * from './readers/index.js';
export { runImport, hashFile, AssociationNotFoundError } from './import/run-import.js';
export { removalsToConfirm } from './import/merge.js';
export { storedCasesByYear } from './load/staging.js';
export { yearChangeText, replaceNotConfirmedText } from './messages.js';
export { MAX_REPORTED_ERRORS, type RunImportInput, type ImportResult } from './import/state.js';
export { receiveImport, type ReceiveImportInput } from './load/receive.js';
export { recoverInterruptedBatches } from './load/interrupted.js';
export { retentionSettings, type RetentionSettings } from './privacy/retention-settings.js';
export {
  sweepRetention,
  deleteStoredFile,
  ORPHAN_GRACE_MS,
  type SweepResult,
  type SweepOptions,
} from './privacy/retention.js';
export { KEPT_VALUE_FIELDS, keptValue } from './privacy/kept-values.js';
export {
  createImportQueue,
  IMPORT_QUEUE,
  type ImportQueue,
  type ImportQueueOptions,
  type ImportJobOptions,
} from './queue/import-queue.js';
export { loadPseudonymKey, caseKey } from './privacy/pseudonym.js';
export { identifierHeaderKind, identifierContentKind, type IdentifierKind } from './privacy/identifiers.js';
export { planColumns, diffHeaders, type ColumnPlan, type HeaderChanges } from './mapping/plan.js';
export { fieldForHeader, CANONICAL_FIELDS, type CanonicalField } from './mapping/fields.js';
export { detectHeaderRow } from './mapping/header-row.js';
export { RowNormaliser, safeRaw } from './normalise/record.js';
export { parseAge, parseDate, parseYear, looksLikeFormula } from './normalise/parse.js';
export { formatReport } from './report-text.js';
export { ensureAssociation, ASSOCIATION_SLUG } from './load/association.js';
