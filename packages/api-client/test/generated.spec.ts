import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the package's scripts, without types.
import { GENERATED, generatedTypes } from '../scripts/types.mjs';

describe('src/openapi.ts', () => {
  it('is generated from the committed apps/api/openapi.json (regenerate: npm run generate -w @observatoire/api-client)', async () => {
    expect(await readFile(GENERATED as string, 'utf8')).toBe(await (generatedTypes as () => Promise<string>)());
  });
});
