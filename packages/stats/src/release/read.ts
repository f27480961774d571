import { LRUCache } from 'lru-cache';
import type { Release } from '@observatoire/schema';
import type { CellDimension, ReleaseCell } from '../cube/build.js';
import { withClient, type Db, type Queryable } from '../db.js';
import { StatsError } from '../errors.js';
import type { SuppressionReason as WireReason } from '@observatoire/schema';

export interface ReleaseRow {
  id: string;
  slug: string;
  title: { fr: string; en: string };
  notes: { fr: string; en: string } | null;
  disclosure_rule: Record<string, number>;
  schema_version: string;
  reference_years: number[];
  contributing_associations: number;
  demo: boolean;
  contributing_by_year: Record<string, number>;
  year_fingerprints: Record<string, string>;
  published_mass: Record<string, { persons: number; cells: number }>;
  frozen_years: number[];
  supersedes_id: string | null;
  /** Internal (never served); null for releases published before composition was recorded. */
  association_ids: string[] | null;
  consenting_associations: { id: string; slug: string; name: string }[] | null;
  annotations: { year: number; text: { fr: string; en: string } }[] | null;
  published_by: string | null;
  cell_count: number;
  withheld_count: number;
  created_at: Date;
  published_at: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A release by id, by slug, or `latest`; null when there is none. */
export async function loadRelease(db: Db, ref: string): Promise<ReleaseRow | null> {
  return withClient(db, async (q) => {
    const { rows } =
      ref === 'latest'
        ? await q.query<ReleaseRow>(`SELECT * FROM release ORDER BY published_at DESC, created_at DESC LIMIT 1`)
        : UUID.test(ref)
          ? await q.query<ReleaseRow>(`SELECT * FROM release WHERE id = $1`, [ref])
          : await q.query<ReleaseRow>(`SELECT * FROM release WHERE slug = $1`, [ref]);
    return rows[0] ?? null;
  });
}

export function toRelease(row: ReleaseRow): Release {
  const years = [...row.reference_years].sort((a, b) => a - b);
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    notes: row.notes,
    status: 'published',
    schemaVersion: row.schema_version,
    referenceYears: years,
    contributingAssociations: row.contributing_associations,
    demo: row.demo,
    disclosureRule: {
      threshold: row.disclosure_rule.threshold,
      platformThreshold: row.disclosure_rule.platformThreshold,
      minAssociations: row.disclosure_rule.minAssociations,
    },
    createdAt: new Date(row.created_at).toISOString(),
    publishedAt: new Date(row.published_at).toISOString(),
    supersedesId: row.supersedes_id,
    annotations: row.annotations ?? [],
    contributingByYear: row.contributing_by_year ?? {},
    frozenYears: [...(row.frozen_years ?? [])].sort((a, b) => a - b),
    ...(row.published_mass && Object.keys(row.published_mass).length ? { publishedMass: row.published_mass } : {}),
    files: years.flatMap((referenceYear) =>
      (['pdf', 'csv', 'xlsx', 'json'] as const).map((format) => ({
        referenceYear,
        format,
        url: `/api/v1/releases/${row.id}/summary/${referenceYear}.${format}`,
      })),
    ),
  };
}

/** Every release, newest first. */
export async function listReleases(db: Db): Promise<Release[]> {
  return withClient(db, async (q) => {
    const { rows } = await q.query<ReleaseRow>(`SELECT * FROM release ORDER BY published_at DESC, created_at DESC`);
    return rows.map(toRelease);
  });
}

/** One release by uuid, slug or `latest`; throws a 404 StatsError when missing. */
export async function getRelease(db: Db, ref: string = 'latest'): Promise<Release> {
  const row = await loadRelease(db, ref);
  if (!row) throw releaseNotFound(ref);
  return toRelease(row);
}

export function releaseNotFound(ref: string): StatsError {
  return ref === 'latest'
    ? new StatsError('release_not_found', 404, {
        fr: 'Aucune publication pour l’instant : un administrateur doit publier une première édition.',
        en: 'No release yet: an administrator must publish a first edition.',
      })
    : new StatsError('release_not_found', 404, {
        fr: `Publication « ${ref} » introuvable : vérifiez l’identifiant ou consultez la liste des publications.`,
        en: `Release "${ref}" not found: check the id or see the list of releases.`,
      });
}

export async function releaseCells(q: Queryable, releaseId: string): Promise<ReleaseCell[]> {
  const { rows } = await q.query(
    `SELECT view, dimension, reference_year, code, value, reason FROM release_cell WHERE release_id = $1`,
    [releaseId],
  );
  return rows.map((r) => ({
    filter: r.view,
    year: Number(r.reference_year),
    dimension: r.dimension as CellDimension,
    code: r.code,
    value: r.value === null ? null : Number(r.value),
    reason: (r.reason as WireReason | null) ?? null,
  }));
}

/** A loaded release: metadata and its cells by key. Releases never change, so this is cached per id. */
export interface LoadedRelease {
  row: ReleaseRow;
  release: Release;
  cells: Map<string, ReleaseCell>;
}

const cache = new LRUCache<string, Promise<LoadedRelease>>({ max: 16 });

export async function loadReleaseData(db: Db, ref: string): Promise<LoadedRelease> {
  const row = await loadRelease(db, ref);
  if (!row) throw releaseNotFound(ref);
  let hit = cache.get(row.id);
  if (!hit) {
    hit = withClient(db, async (q) => {
      const cells = await releaseCells(q, row.id);
      return {
        row,
        release: toRelease(row),
        cells: new Map(cells.map((c) => [`${c.filter}|${c.year}|${c.dimension}|${c.code}`, c])),
      };
    });
    hit.catch(() => cache.delete(row.id));
    cache.set(row.id, hit);
  }
  return hit;
}
