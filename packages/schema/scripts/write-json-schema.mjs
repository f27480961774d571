// Writes the JSON Schemas of the public data contracts from the built package (run after tsc).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemas } from '../dist/json-schema.js';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'json-schema');
await mkdir(outDir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  await writeFile(join(outDir, `${name}.schema.json`), JSON.stringify(schema, null, 2) + '\n');
}
