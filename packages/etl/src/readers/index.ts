export { openTable } from './open-table.js';
export { detectDelimiter, DELIMITERS, type Delimiter } from './delimiter.js';
export { detectEncoding, type TextEncoding } from './text-decode.js';
export {
  DEFAULT_READ_LIMITS,
  resolveLimits,
  type OpenTableInput,
  type OpenTableOptions,
  type RawRow,
  type ReadLimits,
  type TableFormat,
  type TableSource,
} from './types.js';
