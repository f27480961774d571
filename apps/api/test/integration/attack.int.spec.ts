import { beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { attack, collect, loadCases } from '@observatoire/stats';
import { useTestApp, useWorldIn } from './harness.js';
import { loadSamples } from './seed.js';

/**
 * The project's attack (issue 11), bounded: the three sample exports, two releases, every public number read
 * through the API's own routes (the same requests `observatoire attack --url` sends over HTTP), each withheld count
 * solved by integer programming and compared with the true counts. The full attack on the demo data is
 * bench/disclosure.bench.mjs.
 */
describe('the attack against the public API', { timeout: 600_000 }, () => {
  const t = useTestApp();
  const w = useWorldIn(t);
  beforeAll(async () => {
    await loadSamples(t.app.get(DataSource));
  });

  const fetchThroughApp = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url });
    return { status: res.statusCode, json: async () => res.json() as unknown };
  };
  const publish = async (slug: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/releases',
      headers: { cookie: w.admin.cookie, origin: 'http://127.0.0.1:3000' },
      payload: { slug },
    });
    expect(res.statusCode).toBe(201);
  };

  it('reads every published number of two releases and narrows no withheld count', async () => {
    await publish('attaque-1');
    const truth = await loadCases(t.pool);
    // An association withdraws: the next release carries every published year forward.
    await t.pool.query(`UPDATE association SET withdrawn_at = now() WHERE slug = 'amarre-nantes'`);
    await publish('attaque-2');
    const collection = await collect('', fetchThroughApp);
    expect(collection.servedOutsideSurface).toEqual([]);
    expect(collection.contradictions).toEqual([]);
    expect(collection.cells.some((c) => c.filter.startsWith('panel:'))).toBe(true);
    const report = await attack(collection, truth);
    expect(report.releases).toBe(2);
    expect(report.withheld).toBeGreaterThan(0);
    expect(report.truthOutside, report.examples.join('\n')).toBe(0);
    expect(report.misleadingReasons, report.examples.join('\n')).toBe(0);
    expect(report.yearsChangedBetweenReleases).toBe(0);
    expect(report.pinnedSmall, report.examples.join('\n')).toBe(0);
    expect(report.narrowed, report.examples.join('\n')).toBe(0);
  });
});
