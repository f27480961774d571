// Regenerates docs/data-dictionary.md from the built package: `npm run docs -w @observatoire/schema`.
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderDataDictionary } from '../dist/index.js';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'data-dictionary.md');
await writeFile(target, renderDataDictionary());
console.log(`wrote ${target}`);
