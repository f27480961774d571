// Writes the README's configuration table from the configuration schema (src/schema.ts).
import { writeFile } from 'node:fs/promises';
import { README, readmeWithTable } from './readme-table.mjs';

await writeFile(README, await readmeWithTable());
console.log(`wrote the configuration table of ${README}`);
