/**
 * @observatoire/stats: the cube of case records, disclosure control, releases, and the yearly summary downloads.
 * The API's controllers call these functions; every payload is a type of @observatoire/schema.
 */
export { type Db } from './db.js';
export { StatsError, type StatsErrorCode } from './errors.js';

// Releases
export {
  publishRelease,
  previewRelease,
  loadCases,
  type PublishOptions,
  type PublishReport,
} from './release/publish.js';
export { listReleases, getRelease, loadReleaseData } from './release/read.js';
export { resolveRule } from './release/rule.js';

// The public release page: composition, what changed, annotations, errata and retractions
export { getReleasePage } from './release-page/page.js';
export { addReleaseNotice, listReleaseNotices, listAllReleaseNotices } from './release-page/notices.js';
export { checkAnnotations } from './release-page/composition.js';

// Public statistics (from a release: uuid, slug or 'latest')
export {
  getSeries,
  getBreakdown,
  getYearlySummary,
  viewOf,
  derived,
  SUMMARY_DIMENSIONS,
  type SeriesQuery,
  type BreakdownQuery,
} from './queries.js';
export {
  CUBE_DIMENSIONS,
  DIMENSION_CODES,
  DIMENSION_LABELS,
  SINGLE_VALUED,
  PLATFORM_DIMENSIONS,
  FILTER_DIMENSIONS,
  type CubeDimension,
  type CubeCase,
} from './cube/dimensions.js';

// Downloads
export { summaryCsv } from './export/csv.js';
export { summaryXlsx } from './export/xlsx.js';
export { summaryPdf, type SummaryPdfOptions } from './export/pdf.js';
export {
  summaryFile,
  allYearsFile,
  ALL_YEARS_FILES,
  SUMMARY_CONTENT_TYPES,
  type AllYearsFile,
  type SummaryFormat,
} from './export/files.js';
export {
  allYearsRows,
  allYearsCsv,
  allYearsCodesCsv,
  allYearsDataPackage,
  allYearsNames,
  type AllYearsRow,
} from './export/all-years.js';
export { allYearsXlsx } from './export/all-years-xlsx.js';

// The algorithm itself (tests, documentation, the attack command)
export {
  computeCube,
  cellKey,
  trueCells,
  keptCodes,
  publishedMass,
  type ReleaseCell,
  type PreviousRelease,
  type CubeResult,
  type CubeProgress,
  type PublishedMass,
} from './cube/build.js';
export { knowledge, twins, type CellIndex } from './cube/knowledge.js';
export { filterKeys, inSurface, VIEW_DIMENSIONS, CHANNEL_VIEWS, ALL, type FilterKey } from './cube/dimensions.js';
export { suppress, targets, type SuppressCell } from './disclosure/suppress.js';
export {
  audit,
  passes,
  primaryReason,
  dominated,
  rangeOf,
  ReaderModel,
  type AuditCell,
  type Target,
} from './disclosure/audit.js';
export { LinearModel, type LinearConstraint, type Interval } from './disclosure/lp.js';
export {
  DEFAULT_RULE,
  type DisclosureRule,
  type SuppressionReason as InternalSuppressionReason,
} from './disclosure/types.js';

// Constant panels: the same associations on both sides of a comparison
export { buildPanelTables, panelDefinitions, type PanelCell, type PanelDefinition } from './panel/build.js';
export { PANEL_DIMENSIONS, panelView, isPanelView, parsePanelView, type PanelDimension } from './panel/view.js';
export { getComposition, comparisonOf } from './panel/read.js';
export { compositionText, panelText, associationsWord } from './panel/texts.js';
export { attack, collect, type AttackReport, type Collection, type CollectedCell } from './attack/attack.js';
