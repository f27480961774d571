import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CODE_LIST_NAMES, codeLists, renderDataDictionary, sourceFields, type CodeEntry } from '../src/index.js';

const file = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'data-dictionary.md');

describe('docs/data-dictionary.md', () => {
  it('is up to date with the schema (regenerate: npm run docs -w @observatoire/schema)', () => {
    expect(readFileSync(file, 'utf8')).toBe(renderDataDictionary());
  });

  it('lists every code with both labels and every synonym', () => {
    const doc = renderDataDictionary();
    for (const list of CODE_LIST_NAMES) {
      for (const e of codeLists[list] as readonly CodeEntry[]) {
        expect(doc).toContain(`\`${e.code}\``);
        expect(doc).toContain(e.label.fr);
        expect(doc).toContain(e.label.en);
        for (const s of e.synonyms) expect(doc).toContain(s.replace(/\|/g, '\\|'));
      }
    }
    for (const f of sourceFields) expect(doc).toContain(`\`${f.field}\``);
  });
});
