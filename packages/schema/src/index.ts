// The wire payloads (./payloads.ts, also the browser's light entry point), then the tables and helpers behind them.
export * from './payloads.js';
export * from './age.js';
export * from './case-record.schema.js';
export * from './code-lists/index.js';
export * from './countries.js';
export * from './normalise.js';
export * from './source-fields.js';
export * from './json-schema.js';
export * from './case-record.fields.js';
export * from './data-dictionary.js';
export * from './composition.schema.js';
export * from './release-page.schema.js';
