import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { createApiClient, type ApiClient } from '@observatoire/api-client';
import { releaseCompositionSchema, releaseSchema, seriesSetSchema } from '@observatoire/schema';
import { startTestApp, TEST_ORIGIN, type TestApp } from './harness.js';
import { buildWorld, type World } from './fixtures.js';
import { loadSamples } from './seed.js';

/** The typed client generated from openapi.json, over real HTTP against the real API. */
describe('@observatoire/api-client against the API', () => {
  let t: TestApp;
  let w: World;
  let base: string;
  let api: ApiClient;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t.app);
    await loadSamples(t.app.get(DataSource));
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/releases',
      headers: { cookie: w.admin.cookie, origin: TEST_ORIGIN },
      payload: {},
    });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    api = createApiClient(base);
  });
  afterAll(() => t?.close());

  it('reads public statistics with typed parameters and answers', async () => {
    const { data, error, response } = await api.GET('/api/v1/stats/series', {
      params: { query: { dimension: 'recruitmentChannelGroup' } },
    });
    expect(error).toBeUndefined();
    expect(response.headers.get('etag')).toBeTruthy();
    expect(seriesSetSchema.parse(data).series.length).toBeGreaterThan(0);
    const releases = await api.GET('/api/v1/releases');
    const [latest] = releases.data!;
    const one = await api.GET('/api/v1/releases/{id}', { params: { path: { id: latest.slug } } });
    expect(releaseSchema.parse(one.data).id).toBe(latest.id);
  });

  it('reads who stands behind each year, and a series over the same associations (issue 14)', async () => {
    const { data, error, response } = await api.GET('/api/v1/stats/composition');
    expect(error).toBeUndefined();
    expect(response.headers.get('etag')).toBeTruthy();
    const composition = releaseCompositionSchema.parse(data);
    expect(composition.years.length).toBeGreaterThan(0);
    for (const c of composition.comparisons) {
      expect(c.composition.fr).toMatch(/association/);
      expect(c.composition.en).toMatch(/association/);
      const panel = `${c.from}-${c.to}`;
      const set = await api.GET('/api/v1/stats/series', { params: { query: { dimension: 'cases', panel } } });
      expect(set.error).toBeUndefined();
      const years = seriesSetSchema.parse(set.data).series[0].points.map((p) => p.year);
      expect(years[0]).toBe(c.from);
      expect(years[years.length - 1]).toBe(c.to);
    }
    const refused = await api.GET('/api/v1/stats/series', {
      params: { query: { dimension: 'gender', panel: '1990-1991' } },
    });
    expect(refused.response.status).toBe(400);
    expect(refused.error?.messages.fr).toMatch(/associations constantes/);
    expect(refused.error?.messages.en).toMatch(/Same-associations/);
  });

  it('gives the problem+json of a refusal as `error`, in French and English', async () => {
    const { data, error, response } = await api.GET('/api/v1/stats/breakdown', {
      // The document says dimension is required; a script could still send nonsense.
      params: { query: { dimension: 'shoeSize' as 'gender' } },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expect(error?.code).toBe('validation_failed');
    expect(error?.messages.fr).toBeTruthy();
    expect(error?.errors?.[0]?.path).toBe('dimension');
  });

  it('sends an association token as a bearer token', async () => {
    const anonymous = await api.GET('/api/v1/imports');
    expect(anonymous.response.status).toBe(401);
    const scripted = createApiClient(base, { token: w.tokenA });
    const { data, error } = await scripted.GET('/api/v1/auth/me');
    expect(error).toBeUndefined();
    expect(data).toMatchObject({ via: 'token', role: 'member' });
  });
});
