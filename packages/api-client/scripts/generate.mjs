// Writes src/openapi.ts, the types of apps/api/openapi.json (the committed contract), with openapi-typescript.
// Run after the API's contract changes: `npm run generate -w @observatoire/api-client` (a test fails until then).
import { writeFile } from 'node:fs/promises';
import { GENERATED, generatedTypes } from './types.mjs';

await writeFile(GENERATED, await generatedTypes());
console.log(`wrote ${GENERATED}`);
