export { openTable } from './open-table.js';
export { detectDelimiter, DELIMITERS, type Delimiter } from './delimiter.js';
export { detectEncoding, type TextEncoding } from './text-decode.js';
export {
  DEFAULT_READ_LIMITS,
  limitsFromEnv,
  resolveLimits,
  type OpenTableInput,
  type OpenTableOptions,
  type RawRow,
  type ReadLimits,
  type TableFormat,
  type TableSource,
} from './types.js';
export { activeXlsxWorkers, xlsxWorkerTempDirs } from './xlsx-reader.js';
export { checkXlsxArchive } from './xlsx-archive-check.js';
export { excelSerialToDate, excelSerialToIsoDate } from '../../workers/xlsx-cells.mjs';
