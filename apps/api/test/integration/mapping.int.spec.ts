import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { settledImport, uploadFile, useTestApp, useWorldIn } from './harness.js';

const OWN = fileURLToPath(new URL('../../../../packages/etl/test/fixtures/own/', import.meta.url));
const ORIGIN = 'http://127.0.0.1:3000';

/**
 * Issue 15: a preview that would drop columns which look like data (one-hot channels and platforms, a category)
 * cannot be confirmed until the association decided what they hold; once the decisions are in its profile, the
 * preview run again is confirmed and every channel and platform is loaded.
 */
describe('mapping decisions before confirming a preview (issue 15)', () => {
  const t = useTestApp({ importWorker: true });
  const w = useWorldIn(t);

  const as = (cookie: string) => ({ cookie, origin: ORIGIN });
  const post = (url: string) => t.app.inject({ method: 'POST', url, headers: as(w.memberA.cookie) });

  it('refuses to confirm while columns wait for a decision, then loads every channel and platform', async () => {
    const content = await readFile(path.join(OWN, 'wide-one-hot.xlsx'));
    const res = await uploadFile(t.app, w.memberA.cookie, { name: 'suivi.xlsx', content }, { dryRun: 'true' });
    expect([200, 202]).toContain(res.statusCode);
    const preview = await settledImport(t.app, res.json().id, w.memberA.cookie);
    expect(preview).toMatchObject({ status: 'validated', dryRun: true });
    const undecided = preview.report.columns.filter((c: { needsDecision?: boolean }) => c.needsDecision);
    expect(undecided.map((c: { header: string }) => c.header)).toEqual([
      'Réseaux sociaux',
      'Messagerie',
      'Petites annonces en ligne',
      'Famille',
      'Facebook',
      'Insta',
      'WhatsApp',
      'Snap',
      'Orientation',
    ]);
    expect(preview.report.understood.length).toBeGreaterThan(3);

    const refused = await post(`/api/v1/imports/${preview.id}/confirm`);
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'mapping_decision_needed' });
    expect(refused.json().errors.map((e: { path: string }) => e.path)).toContain('columns.Orientation');
    expect(refused.json().messages.fr).toMatch(/ignorez-les/);

    const wide = undecided
      .filter((c: { suggestedCode?: unknown }) => c.suggestedCode)
      .map((c: { header: string; suggestedCode: { field: string; code: string } }) => ({
        column: c.header,
        ...c.suggestedCode,
      }));
    expect(wide).toHaveLength(8);
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/associations/me/mapping-profile',
      headers: as(w.memberA.cookie),
      payload: {
        version: 1,
        columns: { Orientation: 'ignore' },
        wide,
        values: { exploitationTypes: { 'TEH-S': 'sexual' } },
      },
    });
    expect(put.statusCode).toBe(200);
    const rerun = await post(`/api/v1/imports/${preview.id}/rerun`);
    expect(rerun.statusCode).toBe(200);
    const again = await settledImport(t.app, rerun.json().id, w.memberA.cookie);
    expect(again.report.columns.some((c: { needsDecision?: boolean }) => c.needsDecision)).toBe(false);

    const confirm = await post(`/api/v1/imports/${again.id}/confirm`);
    expect([200, 202]).toContain(confirm.statusCode);
    const loaded = await settledImport(t.app, confirm.json().id, w.memberA.cookie);
    expect(loaded.status).toBe('committed');
    expect(loaded.report.counts.rowsAccepted).toBe(168);
    const channels = loaded.report.understood.find((u: { field: string }) => u.field === 'recruitmentChannels');
    const expected = JSON.parse(await readFile(path.join(OWN, 'wide-one-hot.expected.json'), 'utf8'));
    for (const code of ['social_network', 'messaging_app', 'classified_ads', 'family'])
      expect(channels.codes.find((c: { code: string }) => c.code === code).count).toBe(
        expected['2023'].recruitmentChannels[code] + expected['2024'].recruitmentChannels[code],
      );
  });
});
