import pg from 'pg';

export const ASSOCIATION_SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** Creates the association when its slug is unknown (for `import --create-association`). Returns whether it did. */
export async function ensureAssociation(databaseUrl: string, slug: string, name?: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const { rowCount } = await c.query(
      'INSERT INTO association (slug, name) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING',
      [slug, name ?? slug],
    );
    return (rowCount ?? 0) > 0;
  } finally {
    await c.end();
  }
}
