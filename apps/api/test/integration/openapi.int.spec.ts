import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './harness.js';

const COMMITTED = fileURLToPath(new URL('../../openapi.json', import.meta.url));

/**
 * The committed openapi.json makes every contract change reviewable: this test fails when the code's document
 * drifts from it. After an intended change: `UPDATE_OPENAPI=1 npx vitest run test/integration/openapi.int.spec.ts`,
 * then `npm run generate -w @observatoire/api-client` (its types come from this document; its own test checks them).
 */
describe('OpenAPI contract', () => {
  const t = useTestApp();

  it('matches the committed apps/api/openapi.json', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs.json' })).json();
    const text = JSON.stringify(doc, null, 2) + '\n';
    if (process.env.UPDATE_OPENAPI === '1') await writeFile(COMMITTED, text);
    const committed = await readFile(COMMITTED, 'utf8').catch(() => '{}');
    expect(JSON.parse(committed)).toEqual(doc);
  });

  it('documents the payloads with the schema package’s named components', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs.json' })).json();
    for (const name of ['SeriesSet', 'Breakdown', 'Release', 'AggregateCell', 'Import', 'Me']) {
      expect(doc.components.schemas[name], name).toBeDefined();
    }
    expect(JSON.stringify(doc)).not.toContain('#/definitions/');
  });
});
