import { SCHEMA_VERSION, type LocalisedText, type Release, type ReleaseAnnotation } from '@observatoire/schema';
import { computeCube, type PreviousRelease, type ReleaseCell } from '../cube/build.js';
import type { CubeCase } from '../cube/dimensions.js';
import type { DisclosureRule } from '../disclosure/types.js';
import { inTransaction, type Db, type Queryable } from '../db.js';
import { StatsError } from '../errors.js';
import { resolveRule } from './rule.js';
import { buildPanelTables } from '../panel/build.js';
import { isPanelView } from '../panel/view.js';
import { checkAnnotations, releaseComposition } from '../release-page/composition.js';
import { loadRelease, releaseCells, toRelease, type ReleaseRow } from './read.js';

export interface PublishOptions {
  /** Human id, e.g. "2026-07-30" (default: today's date, with -2, -3… when taken). */
  slug?: string;
  title?: LocalisedText;
  notes?: LocalisedText | null;
  /** Notes drawn on the time-series charts at a reference year of the release (one per year). */
  annotations?: ReleaseAnnotation[];
  rule?: Partial<DisclosureRule>;
  /** Who published (user id or "cli"), recorded with the release. */
  publishedBy?: string | null;
  /** For tests and reproducible demos; defaults to now. */
  now?: Date;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** Serialises publications: two at once would both build on the same "previous release". */
const PUBLISH_LOCK = 0x0b5e7a71;

/**
 * Publishes a release: builds the whole cube from the case records of associations that have not withdrawn,
 * applies disclosure control once over it, and stores the published cells (and the reasons of withheld ones)
 * as an immutable snapshot. Returns the release's metadata.
 */
export async function publishRelease(db: Db, options: PublishOptions = {}): Promise<Release> {
  const rule = resolveRule(options.rule);
  const now = options.now ?? new Date();
  if (options.slug !== undefined && !SLUG.test(options.slug)) {
    throw new StatsError('invalid_slug', 400, {
      fr: `Identifiant de publication invalide « ${options.slug} » : utilisez des minuscules, chiffres et tirets (ex. 2026-07-30).`,
      en: `Invalid release id "${options.slug}": use lower-case letters, digits and dashes (e.g. 2026-07-30).`,
    });
  }
  const id = await inTransaction(
    db,
    async (q) => {
      await q.query('SELECT pg_advisory_xact_lock($1)', [PUBLISH_LOCK]);
      const cases = await loadCases(q);
      if (!cases.length) {
        throw new StatsError('no_data', 409, {
          fr: 'Aucun cas à publier : importez d’abord des données d’associations, puis relancez la publication.',
          en: 'No cases to publish: import association data first, then publish again.',
        });
      }
      // Before the cube is built (seconds): a wrong annotation is refused at once.
      const annotations = checkAnnotations(options.annotations, [...new Set(cases.map((c) => c.year))]);
      const previousRow = (
        await q.query<ReleaseRow>(`SELECT * FROM release ORDER BY published_at DESC, created_at DESC LIMIT 1`)
      ).rows[0];
      let previous: PreviousRelease | undefined;
      if (previousRow) {
        // The cube is compared with the previous cube only; constant-panel tables are rebuilt every time.
        const cells = (await releaseCells(q, previousRow.id)).filter((c) => !isPanelView(c.filter));
        previous = {
          cells,
          fingerprints: previousRow.year_fingerprints,
          withheld: new Set(
            cells.filter((c) => c.value === null).map((c) => `${c.filter}|${c.year}|${c.dimension}|${c.code}`),
          ),
        };
      }
      const cube = computeCube(cases, rule, previous);
      if (cube.unprotected.length) {
        // Never publish a pattern the attacker model can break; this should not happen (property-tested).
        throw new StatsError('unprotectable', 500, {
          fr: 'La protection des petits effectifs n’a pas pu être garantie ; rien n’a été publié. Contactez l’équipe technique.',
          en: 'Small counts could not be protected; nothing was published. Contact the technical team.',
        });
      }
      const slug = options.slug ?? (await freeSlug(q, now.toISOString().slice(0, 10)));
      if (options.slug) {
        const taken = await q.query('SELECT 1 FROM release WHERE slug = $1', [slug]);
        if (taken.rowCount) {
          throw new StatsError('slug_taken', 409, {
            fr: `Une publication « ${slug} » existe déjà : choisissez un autre identifiant.`,
            en: `A release "${slug}" already exists: choose another id.`,
          });
        }
      }
      const byYear: Record<string, number> = {};
      for (const year of cube.years) {
        byYear[String(year)] = new Set(cases.filter((c) => c.year === year).map((c) => c.associationId)).size;
      }
      const title = options.title ?? defaultTitle(now);
      const composition = await releaseComposition(
        q,
        cases.map((c) => c.associationId),
        previousRow?.association_ids,
      );
      const inserted = await q.query<{ id: string }>(
        `INSERT INTO release (slug, title, notes, disclosure_rule, schema_version, reference_years,
           contributing_associations, contributing_by_year, year_fingerprints, supersedes_id, published_by,
           cell_count, withheld_count, published_at, demo, association_ids, consenting_associations, annotations)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id`,
        [
          slug,
          JSON.stringify(title),
          options.notes ? JSON.stringify(options.notes) : null,
          JSON.stringify(rule),
          SCHEMA_VERSION,
          cube.years,
          new Set(cases.map((c) => c.associationId)).size,
          JSON.stringify(byYear),
          JSON.stringify(cube.fingerprints),
          previousRow?.id ?? null,
          options.publishedBy ?? null,
          cube.cells.length,
          cube.cells.filter((c) => c.value === null).length,
          now,
          cases.some((c) => c.demo),
          composition.associationIds,
          JSON.stringify(composition.consenting),
          JSON.stringify(annotations),
        ],
      );
      const releaseId = inserted.rows[0].id;
      await insertCells(q, releaseId, cube.cells);
      await insertCells(q, releaseId, buildPanelTables(cases, rule, cube.cells));
      return releaseId;
    },
    'REPEATABLE READ',
  );
  const row = await loadRelease(db, id);
  return toRelease(row!);
}

async function loadCases(q: Queryable): Promise<(CubeCase & { demo: boolean })[]> {
  const { rows } = await q.query(
    `SELECT c.association_id, c.reference_year, c.gender, c.age_band, c.is_minor, c.citizenship, c.exploitation_types,
            c.recruitment_channels, c.recruitment_platforms, c.online_exploitation, c.exploitation_platforms,
            c.online_control, c.recruiter_relation, a.is_demo
       FROM case_record c JOIN association a ON a.id = c.association_id
      WHERE a.withdrawn_at IS NULL
      ORDER BY c.reference_year, c.association_id, c.case_key`,
  );
  return rows.map((r) => ({
    associationId: r.association_id,
    year: Number(r.reference_year),
    gender: r.gender,
    ageBand: r.age_band,
    isMinor: r.is_minor,
    citizenship: r.citizenship ?? [],
    exploitationTypes: r.exploitation_types ?? [],
    recruitmentChannels: r.recruitment_channels ?? [],
    recruitmentPlatforms: r.recruitment_platforms ?? [],
    onlineExploitation: r.online_exploitation,
    exploitationPlatforms: r.exploitation_platforms ?? [],
    onlineControl: r.online_control,
    recruiterRelation: r.recruiter_relation,
    demo: r.is_demo === true,
  }));
}

async function insertCells(
  q: Queryable,
  releaseId: string,
  cells: readonly (Omit<ReleaseCell, 'dimension'> & { dimension: string })[],
): Promise<void> {
  const chunk = 5000;
  for (let k = 0; k < cells.length; k += chunk) {
    const part = cells.slice(k, k + chunk);
    await q.query(
      `INSERT INTO release_cell (release_id, view, dimension, reference_year, code, value, reason)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::smallint[], $5::text[], $6::integer[], $7::text[])`,
      [
        releaseId,
        part.map((c) => c.filter),
        part.map((c) => c.dimension),
        part.map((c) => c.year),
        part.map((c) => c.code),
        part.map((c) => c.value),
        part.map((c) => c.reason),
      ],
    );
  }
}

async function freeSlug(q: Queryable, base: string): Promise<string> {
  const { rows } = await q.query<{ slug: string }>(`SELECT slug FROM release WHERE slug = $1 OR slug LIKE $1 || '-%'`, [
    base,
  ]);
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function defaultTitle(now: Date): LocalisedText {
  const fr = new Intl.DateTimeFormat('fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(now);
  const en = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(now);
  return { fr: `Publication du ${fr}`, en: `Release of ${en}` };
}
