import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { importReportSchema } from '@observatoire/schema';
import { recoverInterruptedBatches } from '../../src/index.js';
import { fixture, useHarness } from './helpers.js';

describe('a crash while loading leaves nothing behind', () => {
  const h = useHarness('crash');

  it('a batch left in loading by a dead loader is found, marked failed, and its data is gone', async () => {
    const before = await h.snapshot();
    // The loader's connection dies just before COMMIT, as when its process is killed: PostgreSQL rolls back the
    // transaction and releases the session lock; the batch row still says `loading`.
    const crashed = await h.run(fixture('aurore-paris-2019-2024.csv'), 'crash', {
      beforeCommit: async (db: pg.ClientBase) => {
        (db as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
        throw new Error('simulated crash');
      },
    });
    expect(crashed.outcome).toBe('failed');
    const { rows } = await h.client.query(`SELECT status FROM import_batch WHERE id = $1`, [crashed.batchId]);
    expect(rows[0].status).toBe('loading');
    // The dead session's lock is released asynchronously by the server: wait until recovery can take it.
    let cleaned: string[] = [];
    for (let i = 0; i < 50 && cleaned.length === 0; i++) {
      cleaned = await recoverInterruptedBatches(h.client);
      if (!cleaned.length) await new Promise((r) => setTimeout(r, 100));
    }
    expect(cleaned).toEqual([crashed.batchId]);
    const { rows: after } = await h.client.query(`SELECT status, report FROM import_batch WHERE id = $1`, [
      crashed.batchId,
    ]);
    expect(after[0].status).toBe('failed');
    // A complete failed report (the association space reads it with the report schema), saying what to do.
    expect(importReportSchema.parse(after[0].report)).toMatchObject({ outcome: 'failed', batchId: crashed.batchId });
    expect(after[0].report.errors[0]).toMatchObject({ code: 'import_interrupted', severity: 'error' });
    expect(after[0].report.errors[0].message.fr).toMatch(/interrompu.*Envoyez-le à nouveau/);
    expect(after[0].report.errors[0].message.en).toMatch(/interrupted.*Upload it again/);
    expect(await h.snapshot()).toBe(before);
    // The same file can then be imported normally.
    const retry = await h.run(fixture('aurore-paris-2019-2024.csv'), 'crash');
    expect(retry.outcome).toBe('committed');
    expect(retry.report.counts.recordsNew).toBe(180);
  });

  it('a dry-run preview kept as a validated batch is not an interrupted load', async () => {
    const { rows } = await h.client.query<{ id: string }>(
      `INSERT INTO import_batch (association_id, content_hash, status, dry_run)
       SELECT id, 'preview', 'validated', true FROM association WHERE slug = 'crash' RETURNING id`,
    );
    expect(await recoverInterruptedBatches(h.client)).toEqual([]);
    const { rows: after } = await h.client.query(`SELECT status FROM import_batch WHERE id = $1`, [rows[0].id]);
    expect(after[0].status).toBe('validated');
  });

  it('a batch whose loader is alive (holds its lock) is left alone', async () => {
    const { rows } = await h.client.query<{ id: string }>(
      `INSERT INTO import_batch (association_id, content_hash, status)
       SELECT id, 'alive', 'loading' FROM association WHERE slug = 'crash' RETURNING id`,
    );
    const other = new (await import('pg')).default.Client({ connectionString: h.db.url });
    await other.connect();
    await other.query(`SELECT pg_advisory_lock($1, hashtext($2))`, [0x0b5e7a71, rows[0].id]);
    expect(await recoverInterruptedBatches(h.client)).toEqual([]);
    await other.end();
    expect(await recoverInterruptedBatches(h.client)).toEqual([rows[0].id]);
  });
});

describe('fuzz: random or damaged input never crashes and never leaves partial data', () => {
  const h = useHarness();
  let n = 0;

  async function check(bytes: Uint8Array, ext: string): Promise<void> {
    const slug = `fuzz-${n++}`;
    await h.association(slug);
    const before = await h.snapshot();
    const file = await h.writeFile(`fuzz${n}.${ext}`, Buffer.from(bytes));
    const r = await h.run(file, slug);
    expect(['committed', 'failed', 'rejected', 'refused']).toContain(r.outcome);
    expect(JSON.stringify(r.report)).not.toMatch(/\n\s+at \S+ \(/);
    if (r.outcome === 'committed') {
      const { rows } = await h.client.query(`SELECT count(*)::int AS n FROM case_record WHERE batch_id = $1`, [
        r.batchId,
      ]);
      expect(rows[0].n).toBe(r.report.counts.rowsAccepted);
    } else {
      const { rows } = await h.client.query(
        `SELECT count(*)::int AS n FROM case_record c JOIN association a ON a.id = c.association_id WHERE a.slug = $1`,
        [slug],
      );
      expect(rows[0].n).toBe(0);
      expect(await h.snapshot()).toBe(before);
    }
  }

  it('random bytes as CSV and as XLSX', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 4000 }), fc.constantFrom('csv', 'xlsx'), check),
      { numRuns: 40, seed: 4242 },
    );
  }, 120_000);

  it('damaged sample files (truncated, bytes flipped)', async () => {
    const samples = [
      readFileSync(fixture('aurore-paris-2019-2024.csv')),
      readFileSync(fixture('amarre-nantes-suivi.xlsx')),
      readFileSync(fixture('safe-harbour-nice-export.csv')),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), {
          maxLength: 20,
        }),
        async (which, cut, flips) => {
          const src = samples[which];
          const bytes = Buffer.from(src.subarray(0, Math.max(1, Math.floor(src.length * cut))));
          for (const [pos, value] of flips) bytes[Math.floor(pos * (bytes.length - 1))] = value;
          await check(bytes, which === 1 ? 'xlsx' : 'csv');
        },
      ),
      { numRuns: 40, seed: 2024 },
    );
  }, 180_000);
});
