import type pg from 'pg';
import * as importBatches from '@observatoire/db/import-batch';
import type { Queryable } from '@observatoire/db/import-batch';
import { caseRecordFieldDocs, ONLINE_CHANNELS, type ImportYearChange } from '@observatoire/schema';

/** Advisory lock class ids (first int of the two-int form), constant across processes. */
const ASSOCIATION_LOCK_CLASS = 0x0b5e7a72;
/** Held (to the end of its transaction) by a load adding profiles to `case_profile`. */
const PROFILE_LOCK_CLASS = 0x0b5e7a73;

/** Column order of the staging COPY lines the normaliser writes (must match `RowNormaliser.normalise`). */
export const STAGING_COLUMNS = ['reference_year', 'case_key', 'profile', 'source_row'] as const;

/**
 * The categorical columns of a record, stored once per distinct combination in `case_profile`: every column of the
 * schema's case record but the association, the year and the key, in table order (which is also the order of the
 * profile COPY lines the normaliser writes, after the local id).
 */
export const PROFILE_COLUMNS = caseRecordFieldDocs
  .map((d) => d.column)
  .filter((c) => c !== 'association_id' && c !== 'reference_year' && c !== 'case_key');
const NULLABLE = new Set<string>(['is_minor', 'exploitation_country']);
const PROFILE_LIST = PROFILE_COLUMNS.join(', ');

/**
 * Two temporary tables, private to the transaction and dropped with it (the raw rows never reach a shared table):
 * the staged chunk, one narrow row per case (year, case key, local profile number, source row), and each distinct
 * profile once.
 */
export async function createStaging(db: pg.ClientBase): Promise<void> {
  // Temporary tables live in session-local buffers (8 MB by default): a large upload would spill to disk on every
  // pass. Only settable before the session's first temporary table, which this is (one connection per import).
  await db.query(`SET temp_buffers = '128MB'`).catch(() => {});
  // Joins and groupings over a large upload's rows stay in memory (the default 4 MB spills them to disk).
  await db.query(`SET LOCAL work_mem = '64MB'`);
  // The batch's entries are written in this transaction, so the planner has no statistics on them and would join
  // them with other entries in nested loops (quadratic: a 9,000-row re-upload took minutes). Every join of a load
  // is between whole sets of rows: hash joins.
  await db.query(`SET LOCAL enable_nestloop = off`);
  await db.query(`
    CREATE TEMP TABLE import_staging (
      reference_year smallint NOT NULL,
      case_key text NOT NULL,
      profile integer NOT NULL,
      source_row integer NOT NULL
    ) ON COMMIT DROP`);
  // The profile columns as case_profile has them (names, types, NOT NULL), from the migrated table itself; its
  // identity column is not wanted here (a profile's stored id goes to profile_id once resolved).
  await db.query(`
    CREATE TEMP TABLE import_profile (
      local_id integer NOT NULL,
      LIKE case_profile,
      profile_id integer
    ) ON COMMIT DROP`);
  await db.query(`ALTER TABLE import_profile DROP COLUMN id`);
}

export const COPY_STAGING_SQL = `COPY import_staging (${STAGING_COLUMNS.join(', ')}) FROM STDIN`;
export const COPY_PROFILE_SQL = `COPY import_profile (local_id, ${PROFILE_LIST}) FROM STDIN`;

/** Two loads of one association run one after the other (the second sees the first's records). */
export async function lockAssociation(db: pg.ClientBase, associationId: string): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [ASSOCIATION_LOCK_CLASS, associationId]);
}

/**
 * Merges the staged chunk into `case_entry` under the batch, then empties the staging table. Each local profile
 * number is resolved to its stored id by content; profiles not stored yet are added first. The loader calls this
 * every chunk of rows while it goes on reading, so PostgreSQL writes the records while Node parses the next ones.
 * Returns the rows merged.
 *
 * Profiles are shared by all associations, and an added profile stays locked until its load commits: two loads adding
 * overlapping profiles in different orders (over several chunks) would deadlock. So a load adds profiles only under
 * a transaction-wide lock: one load at a time adds profiles, and loads whose profiles all exist (most, once a few
 * uploads are in) never wait.
 */
export async function mergeChunk(db: pg.ClientBase, associationId: string, batchId: string): Promise<number> {
  const resolve = () =>
    db.query(
      `UPDATE import_profile i SET profile_id = p.id FROM case_profile p
       WHERE i.profile_id IS NULL AND ${PROFILE_COLUMNS.map((c) => (NULLABLE.has(c) ? `p.${c} IS NOT DISTINCT FROM i.${c}` : `p.${c} = i.${c}`)).join(' AND ')}`,
    );
  await resolve();
  const { rows } = await db.query<{ missing: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM import_profile WHERE profile_id IS NULL) AS missing`,
  );
  if (rows[0].missing) {
    await db.query(`SELECT pg_advisory_xact_lock($1, 0)`, [PROFILE_LOCK_CLASS]);
    await db.query(
      `INSERT INTO case_profile (${PROFILE_LIST}) SELECT ${PROFILE_LIST} FROM import_profile WHERE profile_id IS NULL
       ON CONFLICT ON CONSTRAINT case_profile_uq DO NOTHING`,
    );
    await resolve();
  }
  const inserted = await db.query(
    `INSERT INTO case_entry (association_id, reference_year, case_key, profile_id, batch_id, source_row)
     SELECT $1, s.reference_year, s.case_key, i.profile_id, $2, s.source_row
     FROM import_staging s JOIN import_profile i ON i.local_id = s.profile`,
    [associationId, batchId],
  );
  await db.query(`TRUNCATE import_staging`);
  return inserted.rowCount ?? 0;
}

/** The batch's records (merged, not yet committed). */
const BATCH_RECORDS = `case_entry WHERE association_id = $1 AND batch_id = $2`;

/**
 * Records of the batch whose (year, case key) repeats an earlier one: every occurrence after the first, by source
 * row. Returns the first `limit` of them and the exact total (a hostile file cannot make the report huge).
 */
export async function findDuplicateRows(
  db: pg.ClientBase,
  associationId: string,
  batchId: string,
  limit: number,
): Promise<{ rows: number[]; total: number }> {
  const { rows } = await db.query<{ rows: number[] | null; total: string }>(
    `WITH d AS (
       SELECT (array_agg(source_row ORDER BY source_row))[2:] AS extra
       FROM ${BATCH_RECORDS} GROUP BY reference_year, case_key HAVING count(*) > 1
     ), r AS (SELECT unnest(extra) AS row FROM d)
     SELECT (SELECT array_agg(row ORDER BY row) FROM (SELECT row FROM r ORDER BY row LIMIT $3) l) AS rows,
            (SELECT count(*) FROM r) AS total`,
    [associationId, batchId, limit],
  );
  return { rows: rows[0].rows ?? [], total: Number(rows[0].total) };
}

/** Keeps the first record of each repeated (year, case key) of the batch (`--skip-invalid-rows`); returns how many went. */
export async function dropDuplicateRows(db: pg.ClientBase, associationId: string, batchId: string): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM case_entry e
     USING (SELECT reference_year, case_key, min(source_row) AS keep FROM ${BATCH_RECORDS}
            GROUP BY reference_year, case_key HAVING count(*) > 1) d
     WHERE e.association_id = $1 AND e.batch_id = $2
       AND e.reference_year = d.reference_year AND e.case_key = d.case_key AND e.source_row <> d.keep`,
    [associationId, batchId],
  );
  return rowCount ?? 0;
}

/** The association's stored cases per year, for the given years (years without cases are absent). */
export async function storedCasesByYear(
  q: Queryable,
  associationId: string,
  years: number[],
): Promise<Map<number, number>> {
  const { rows } = await q.query<{ year: number; n: number }>(
    `SELECT reference_year AS year, count(*)::int AS n FROM case_entry
      WHERE association_id = $1 AND reference_year = ANY($2::int[]) GROUP BY 1`,
    [associationId, years],
  );
  return new Map(rows.map((r) => [r.year, r.n]));
}

/** Earlier records of the association for the given years (not the batch's). */
const EARLIER = `case_entry WHERE association_id = $1 AND reference_year = ANY($2::int[]) AND batch_id <> $3`;

/**
 * Per year of the batch, how its records compare with those stored before (same key and same profile: unchanged,
 * the profile being the whole categorical content of a record; same key, other profile: replaced; stored keys the
 * batch lacks: removed). Reads only: `replaceEarlier` applies it. Runs inside the load's transaction, under
 * `lockAssociation`, so nothing changes between the two.
 */
export async function compareYears(
  db: pg.ClientBase,
  associationId: string,
  batchId: string,
  years: number[],
): Promise<ImportYearChange[]> {
  const params = [associationId, years, batchId];
  const { rows: before } = await db.query<{ year: number; n: number }>(
    `SELECT reference_year AS year, count(*)::int AS n FROM ${EARLIER} GROUP BY 1`,
    params,
  );
  // First upload of these years: everything is new, no need to join.
  const { rows: counted } = await db.query<{ year: number; new: number; unchanged: number; replaced: number }>(
    before.length === 0
      ? `SELECT reference_year AS year, count(*)::int AS new, 0 AS unchanged, 0 AS replaced
         FROM case_entry WHERE association_id = $1 AND batch_id = $3 AND reference_year = ANY($2::int[]) GROUP BY 1`
      : `SELECT s.reference_year AS year,
           count(*) FILTER (WHERE c.profile_id IS NULL)::int AS new,
           count(*) FILTER (WHERE c.profile_id = s.profile_id)::int AS unchanged,
           count(*) FILTER (WHERE c.profile_id <> s.profile_id)::int AS replaced
         FROM (SELECT reference_year, case_key, profile_id FROM case_entry WHERE association_id = $1 AND batch_id = $3) s
         LEFT JOIN (SELECT reference_year, case_key, profile_id FROM ${EARLIER}) c
           ON c.reference_year = s.reference_year AND c.case_key = s.case_key
         GROUP BY 1`,
    params,
  );
  const stored = new Map(before.map((r) => [r.year, r.n]));
  const byYear = new Map(counted.map((r) => [r.year, r]));
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const c = byYear.get(year) ?? { new: 0, unchanged: 0, replaced: 0 };
      const was = stored.get(year) ?? 0;
      const removed = was - c.unchanged - c.replaced;
      return {
        year,
        before: was,
        after: c.new + c.unchanged + c.replaced,
        new: c.new,
        replaced: c.replaced,
        unchanged: c.unchanged,
        removed,
        partial: removed * 2 > was,
      };
    });
}

/**
 * Once every chunk is merged and the comparison accepted, the upload becomes its association's truth for the years
 * it contains: the earlier records of those years are deleted (and only those), previous batches are marked
 * superseded for them, and the aggregates of those (association, year) pairs are rebuilt. Runs inside the caller's
 * transaction, under `lockAssociation`.
 */
export async function replaceEarlier(
  db: pg.ClientBase,
  associationId: string,
  batchId: string,
  years: number[],
): Promise<void> {
  await db.query(`DELETE FROM ${EARLIER}`, [associationId, years, batchId]);
  await importBatches.supersedeYears(db, associationId, batchId, years);
  await refreshAggregates(db, associationId, batchId, years);
}

/**
 * Rebuilds `case_aggregate` for one association's years from the batch's records (the new truth of those years),
 * counted per profile first so that the dimensions are exploded over few profiles, not over every row.
 */
export async function refreshAggregates(
  db: pg.ClientBase,
  associationId: string,
  batchId: string,
  years: number[],
): Promise<void> {
  await db.query(`DELETE FROM case_aggregate WHERE association_id = $1 AND reference_year = ANY($2::int[])`, [
    associationId,
    years,
  ]);
  await db.query(
    `WITH g AS (
       SELECT r.reference_year, p.*, r.n
       FROM (SELECT reference_year, profile_id, count(*)::int AS n FROM ${BATCH_RECORDS} GROUP BY 1, 2) r
       JOIN case_profile p ON p.id = r.profile_id
     )
     INSERT INTO case_aggregate (association_id, reference_year, dimension, code, cases)
     SELECT $1, reference_year, d.dimension, d.code, sum(n)::int
     FROM g CROSS JOIN LATERAL (
       SELECT 'cases', 'all'
       UNION ALL SELECT 'gender', gender
       UNION ALL SELECT 'age_band', age_band
       UNION ALL SELECT 'minor', CASE WHEN is_minor THEN 'yes' WHEN NOT is_minor THEN 'no' ELSE 'unknown' END
       UNION ALL SELECT 'online_recruitment',
         CASE WHEN recruitment_channels && $3::text[] THEN 'yes'
              WHEN recruitment_channels = '{unknown}' THEN 'unknown' ELSE 'no' END
       UNION ALL SELECT 'citizenship', unnest(citizenship)
       UNION ALL SELECT 'exploitation_type', unnest(exploitation_types)
       UNION ALL SELECT 'recruitment_channel', unnest(recruitment_channels)
       UNION ALL SELECT 'recruitment_platform', unnest(recruitment_platforms)
       UNION ALL SELECT 'online_exploitation', online_exploitation
       UNION ALL SELECT 'exploitation_platform', unnest(exploitation_platforms)
       UNION ALL SELECT 'online_control', online_control
       UNION ALL SELECT 'exploitation_country', COALESCE(exploitation_country, 'unknown')
       UNION ALL SELECT 'recruiter_relation', recruiter_relation
     ) AS d(dimension, code)
     GROUP BY reference_year, d.dimension, d.code`,
    [associationId, batchId, [...ONLINE_CHANNELS]],
  );
}
