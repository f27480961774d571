/**
 * The wire payloads only (no country tables, no code-list synonyms): a light entry point for browser bundles,
 * `@observatoire/schema/payloads`. Everything here is also exported by the main entry point.
 */
export * from './aggregate.schema.js';
export * from './disclosure-rule.schema.js';
export * from './import-report.schema.js';
export * from './licence.js';
export * from './localised-text.js';
export * from './mapping-profile.schema.js';
export * from './problem.schema.js';
export * from './release.schema.js';
export * from './version.js';
