import pg from 'pg';
import type { CubeCase } from '../src/cube/dimensions.js';

/** Inserts associations, one committed batch each, and their case records straight into the ETL's tables. */
export async function seedCases(
  url: string,
  cases: CubeCase[],
  opts: { demo?: boolean } = {},
): Promise<Map<string, string>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const ids = new Map<string, string>();
  try {
    for (const slug of [...new Set(cases.map((k) => k.associationId))]) {
      const existing = await c.query('SELECT id FROM association WHERE slug = $1', [slug]);
      const id =
        existing.rows[0]?.id ??
        (
          await c.query('INSERT INTO association (slug, name, is_demo) VALUES ($1, $2, $3) RETURNING id', [
            slug,
            `Association ${slug}`,
            opts.demo ?? false,
          ])
        ).rows[0].id;
      ids.set(slug, id);
    }
    const batches = new Map<string, string>();
    for (const [slug, id] of ids) {
      const { rows } = await c.query(
        `INSERT INTO import_batch (association_id, content_hash, status, format) VALUES ($1, $2, 'committed', 'csv') RETURNING id`,
        [id, `seed-${slug}-${Math.random()}`],
      );
      batches.set(slug, rows[0].id);
    }
    let n = 0;
    for (const k of cases) {
      n++;
      await c.query(
        `INSERT INTO case_record (association_id, reference_year, case_key, gender, age_band, is_minor, citizenship,
           exploitation_types, recruitment_channels, recruitment_platforms, online_exploitation, exploitation_platforms,
           online_control, recruiter_relation, batch_id, source_row)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)`,
        [
          ids.get(k.associationId),
          k.year,
          `${k.associationId}-${k.year}-${n}-${Math.random().toString(16).slice(2)}`,
          k.gender,
          k.ageBand,
          k.isMinor,
          k.citizenship,
          k.exploitationTypes,
          k.recruitmentChannels,
          k.recruitmentPlatforms,
          k.onlineExploitation,
          k.exploitationPlatforms,
          k.onlineControl,
          k.recruiterRelation,
          batches.get(k.associationId),
          n,
        ],
      );
    }
  } finally {
    await c.end();
  }
  return ids;
}
