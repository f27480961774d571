import { SCHEMA_VERSION, type LocalisedText, type Release, type ReleaseAnnotation } from '@observatoire/schema';
import {
  computeCube,
  publishedMass,
  type CubeProgress,
  type CubeResult,
  type PreviousRelease,
  type PublishedMass,
  type CubeFailure,
  type ReleaseCell,
} from '../cube/build.js';
import { solveCount } from '../disclosure/lp.js';
import type { CubeCase } from '../cube/dimensions.js';
import type { DisclosureRule } from '../disclosure/types.js';
import { inTransaction, type Db, type Queryable } from '../db.js';
import { StatsError } from '../errors.js';
import { resolveRule } from './rule.js';
import { auditPanels } from '../panel/audit.js';
import { buildPanelTables, type PanelCell } from '../panel/build.js';
import { parsePanelView } from '../panel/view.js';
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
  /** Called as the audit goes, year by year and round by round (the command line prints it). */
  onProgress?: (p: CubeProgress) => void;
}

/** What a publication would do (the dry run's report, and the refusal's details). */
export interface PublishReport {
  years: number[];
  /** Years an earlier release published: carried forward unchanged. */
  frozenYears: number[];
  /** Frozen years whose data changed since they were published (the changes wait; the notes say so). */
  revisedFrozenYears: number[];
  cells: number;
  withheld: Record<string, number>;
  /** Protection intervals the audit could not keep: the release is refused while any is left. */
  failures: CubeResult['failures'];
  publishedMass: Record<string, PublishedMass>;
  codesKept: CubeResult['codesKept'];
  contributingByYear: Record<string, number>;
  /** Linear and integer programs solved by the audit, and the seconds it took. */
  solves: number;
  seconds: number;
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
        throw noData();
      }
      // Before the cube is built (seconds): a wrong annotation is refused at once.
      const annotations = checkAnnotations(options.annotations, [...new Set(cases.map((c) => c.year))]);
      const { cube, panel, report, previousRow } = await buildRelease(q, cases, rule, options.onProgress);
      if (report.failures.length) throw unprotectable(report);
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
      const byYear = report.contributingByYear;
      const title = options.title ?? defaultTitle(now);
      const composition = await releaseComposition(
        q,
        cases.map((c) => c.associationId),
        previousRow?.association_ids,
      );
      const inserted = await q.query<{ id: string }>(
        `INSERT INTO release (slug, title, notes, disclosure_rule, schema_version, reference_years,
           contributing_associations, contributing_by_year, year_fingerprints, supersedes_id, published_by,
           cell_count, withheld_count, published_at, demo, association_ids, consenting_associations, annotations,
           published_mass, frozen_years)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) RETURNING id`,
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
          JSON.stringify(report.publishedMass),
          cube.frozenYears,
        ],
      );
      const releaseId = inserted.rows[0].id;
      await insertCells(q, releaseId, cube.cells);
      await insertCells(q, releaseId, panel);
      return releaseId;
    },
    'REPEATABLE READ',
  );
  const row = await loadRelease(db, id);
  return toRelease(row!);
}

/**
 * Constant-panel tables: a comparison whose years were all published before is carried forward from the previous
 * release like those years (a published number never changes); the others are built from today's data, then
 * audited with the release (panel/audit.ts). Returns the cells and the protection intervals that could not be kept.
 */
async function panelCells(
  q: Queryable,
  previousId: string | undefined,
  cases: CubeCase[],
  rule: DisclosureRule,
  cube: CubeResult,
): Promise<{ cells: (ReleaseCell | PanelCell)[]; failures: CubeFailure[] }> {
  const frozen = (view: string) => {
    const p = parsePanelView(view);
    return p !== null && cube.frozenYears.includes(p.from) && cube.frozenYears.includes(p.to);
  };
  const carried = previousId ? (await releaseCells(q, previousId)).filter((c) => frozen(c.filter)) : [];
  const cells = [...carried, ...buildPanelTables(cases, rule, cube.cells).filter((c) => !frozen(c.filter))];
  const failures = await auditPanels(cases, rule, cube, cells, new Set(carried.map((c) => c.filter)));
  return { cells, failures };
}

/**
 * Dry run: what publishing now would give (years, frozen years, withheld cells, the audit's failures, published
 * mass), without writing anything.
 */
export async function previewRelease(
  db: Db,
  options: Pick<PublishOptions, 'rule' | 'onProgress'> = {},
): Promise<PublishReport> {
  const rule = resolveRule(options.rule);
  return inTransaction(
    db,
    async (q) => {
      const cases = await loadCases(q);
      if (!cases.length) throw noData();
      return (await buildRelease(q, cases, rule, options.onProgress)).report;
    },
    'REPEATABLE READ',
  );
}

function noData(): StatsError {
  return new StatsError('no_data', 409, {
    fr: 'Aucun cas à publier : importez d’abord des données d’associations, puis relancez la publication.',
    en: 'No cases to publish: import association data first, then publish again.',
  });
}

function unprotectable(report: PublishReport): StatsError {
  const list = report.failures
    .slice(0, 10)
    .map((f) => `${f.label} [${f.interval.min}, ${f.interval.max}]`)
    .join('; ');
  return new StatsError('unprotectable', 409, {
    fr: `L’audit de protection a échoué pour ${report.failures.length} valeur(s) masquée(s) qu’un lecteur pourrait déduire (${list}) ; rien n’a été publié. Lancez « observatoire admin release:publish --dry-run » pour le détail et signalez-le à l’équipe technique.`,
    en: `The protection audit failed for ${report.failures.length} withheld value(s) a reader could work out (${list}); nothing was published. Run "observatoire admin release:publish --dry-run" for details and tell the technical team.`,
  });
}

async function buildRelease(
  q: Queryable,
  cases: (CubeCase & { demo: boolean })[],
  rule: DisclosureRule,
  onProgress?: (p: CubeProgress) => void,
): Promise<{
  cube: CubeResult;
  panel: (ReleaseCell | PanelCell)[];
  report: PublishReport;
  previousRow: ReleaseRow | undefined;
}> {
  const started = performance.now();
  const solvesBefore = solveCount;
  const previousRow = (
    await q.query<ReleaseRow>(`SELECT * FROM release ORDER BY published_at DESC, created_at DESC LIMIT 1`)
  ).rows[0];
  let previous: PreviousRelease | undefined;
  if (previousRow) {
    previous = {
      cells: await releaseCells(q, previousRow.id),
      years: previousRow.reference_years,
      fingerprints: previousRow.year_fingerprints,
    };
  }
  const cube = await computeCube(cases, rule, previous, onProgress);
  const panel = await panelCells(q, previousRow?.id, cases, rule, cube);
  const contributingByYear: Record<string, number> = {};
  for (const year of cube.years) {
    const carried = cube.frozenYears.includes(year) ? previousRow?.contributing_by_year?.[String(year)] : undefined;
    contributingByYear[String(year)] =
      carried ?? new Set(cases.filter((c) => c.year === year).map((c) => c.associationId)).size;
  }
  const withheld: Record<string, number> = {};
  for (const c of cube.cells) if (c.reason) withheld[c.reason] = (withheld[c.reason] ?? 0) + 1;
  const report: PublishReport = {
    years: cube.years,
    frozenYears: cube.frozenYears,
    revisedFrozenYears: cube.revisedFrozenYears,
    cells: cube.cells.length,
    withheld,
    failures: [...cube.failures, ...panel.failures],
    publishedMass: publishedMass(cases, cube.cells, rule, cube.codesKept),
    codesKept: cube.codesKept,
    contributingByYear,
    solves: solveCount - solvesBefore,
    seconds: (performance.now() - started) / 1000,
  };
  return { cube, panel: panel.cells, report, previousRow };
}

/** The case records a release is built from (associations that have not withdrawn). */
export async function loadCases(q: Queryable): Promise<(CubeCase & { demo: boolean })[]> {
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
  const date = (locale: string) =>
    new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(now);
  return { fr: `Publication du ${date('fr-FR')}`, en: `Release of ${date('en-GB')}` };
}
