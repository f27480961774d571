/** Version of the canonical case record and payload schemas (semver; see CHANGELOG.md). */
export const SCHEMA_VERSION = '1.0.0';
