import type { Queryable } from '@observatoire/db/import-batch';

export const ASSOCIATION_SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** Creates the association when its slug is unknown (for `import --create-association`). Returns whether it did. */
export async function ensureAssociation(q: Queryable, slug: string, name?: string): Promise<boolean> {
  const { rowCount } = await q.query(
    'INSERT INTO association (slug, name) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING',
    [slug, name ?? slug],
  );
  return (rowCount ?? 0) > 0;
}

export interface ImportingAssociation {
  id: string;
  slug: string;
  /** Its stored mapping profile (unchecked JSON). */
  mappingProfile: unknown;
  /** The headers of its previous upload. */
  lastHeaders: string[] | null;
}

/** The association an import is for, by slug or id. */
export async function findForImport(q: Queryable, ref: string): Promise<ImportingAssociation | null> {
  const { rows } = await q.query<ImportingAssociation>(
    `SELECT id, slug, mapping_profile AS "mappingProfile", last_headers AS "lastHeaders" FROM association
     WHERE slug = $1 OR (id::text = $1) LIMIT 1`,
    [ref],
  );
  return rows[0] ?? null;
}

/** After a load: the headers it had (the next upload's report says what changed), and its profile when kept. */
export async function recordHeaders(
  q: Queryable,
  associationId: string,
  headers: readonly string[],
  profile: unknown,
): Promise<void> {
  const named = headers.map((h) => (h ?? '').trim()).filter(Boolean);
  await q.query(
    `UPDATE association SET last_headers = $2::jsonb, mapping_profile = COALESCE($3::jsonb, mapping_profile)
     WHERE id = $1`,
    [associationId, JSON.stringify(named), profile ? JSON.stringify(profile) : null],
  );
}
