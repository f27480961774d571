import type { NamedAssociation, ReleasePage } from '@observatoire/schema';
import { withClient, type Db, type Queryable } from '../db.js';
import { loadRelease, releaseNotFound, toRelease, type ReleaseRow } from '../release/read.js';

type Consenting = NonNullable<ReleaseRow['consenting_associations']>;

function names(ids: Iterable<string>, consenting: Consenting): NamedAssociation[] {
  const wanted = new Set(ids);
  return consenting
    .filter((a) => wanted.has(a.id))
    .map((a) => ({ slug: a.slug, name: a.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

/** Who stands behind a release: counts per year (as published), names of those that consented, others counted. */
export function associationsOf(row: ReleaseRow): ReleasePage['associations'] {
  const byYear = Object.entries(row.contributing_by_year)
    .map(([year, count]) => ({ year: Number(year), count: Number(count) }))
    .sort((a, b) => a.year - b.year);
  const recorded = row.association_ids !== null && row.consenting_associations !== null;
  const named = recorded ? names(row.association_ids!, row.consenting_associations!) : [];
  return {
    total: row.contributing_associations,
    byYear,
    recorded,
    named,
    unnamed: row.contributing_associations - named.length,
  };
}

function sameRule(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
}

/**
 * What changed since the previous release, in words only: years added, removed, revised (their data changed, so
 * their figures were recomputed) or frozen (unchanged data, figures kept identical), and the associations that
 * joined or left (counted; named when they consented at this release's publication). Never a numeric difference.
 */
export function changesSince(row: ReleaseRow, previous: ReleaseRow | null): ReleasePage['changes'] {
  if (!previous) return null;
  const now = new Set(row.reference_years);
  const before = new Set(previous.reference_years);
  const sorted = (xs: Iterable<number>) => [...xs].sort((a, b) => a - b);
  const kept = sorted([...now].filter((y) => before.has(y)));
  const fingerprint = (r: ReleaseRow, y: number) => r.year_fingerprints[String(y)];
  // A year carried forward from the previous release keeps its figures; before years were carried, a year whose
  // data had not changed was recomputed to the same figures (same fingerprint).
  const frozen = (y: number) =>
    (row.frozen_years ?? []).includes(y) || fingerprint(row, y) === fingerprint(previous, y);
  const known = row.association_ids !== null && previous.association_ids !== null;
  const current = new Set(row.association_ids ?? []);
  const prior = new Set(previous.association_ids ?? []);
  const consenting = row.consenting_associations ?? [];
  const joined = [...current].filter((id) => !prior.has(id));
  const left = [...prior].filter((id) => !current.has(id));
  return {
    previous: {
      id: previous.id,
      slug: previous.slug,
      title: previous.title,
      publishedAt: new Date(previous.published_at).toISOString(),
    },
    yearsAdded: sorted([...now].filter((y) => !before.has(y))),
    yearsRemoved: sorted([...before].filter((y) => !now.has(y))),
    yearsRevised: kept.filter((y) => !frozen(y)),
    yearsFrozen: kept.filter(frozen),
    ruleChanged: !sameRule(row.disclosure_rule, previous.disclosure_rule),
    joined: known ? { count: joined.length, named: names(joined, consenting) } : null,
    left: known ? { count: left.length, named: names(left, consenting) } : null,
  };
}

async function previousOf(q: Queryable, row: ReleaseRow): Promise<ReleaseRow | null> {
  if (row.supersedes_id) {
    const { rows } = await q.query<ReleaseRow>(`SELECT * FROM release WHERE id = $1`, [row.supersedes_id]);
    return rows[0] ?? null;
  }
  return null;
}

/** The public page of a release (uuid, slug or `latest`): immutable like the release itself. */
export async function getReleasePage(db: Db, ref: string = 'latest'): Promise<ReleasePage> {
  const row = await loadRelease(db, ref);
  if (!row) throw releaseNotFound(ref);
  const previous = await withClient(db, (q) => previousOf(q, row));
  return { release: toRelease(row), associations: associationsOf(row), changes: changesSince(row, previous) };
}
