import type { ReleaseAnnotation } from '@observatoire/schema';
import type { Queryable } from '../db.js';
import { StatsError } from '../errors.js';

/** An association named with a release because it consented when the release was published. */
export interface NamedAssociation {
  id: string;
  slug: string;
  name: string;
}

/** What a release records about who stands behind it, written in its (single, immutable) INSERT. */
export interface ReleaseComposition {
  /** Internal: the contributing associations (never served). */
  associationIds: string[];
  /** Consenting associations among the contributors and the previous release's contributors that left. */
  consenting: NamedAssociation[];
}

/**
 * Reads, inside the publishing transaction, which associations consent to being named now. Departed ones are
 * kept too (when they still consent and have not withdrawn) so that the release page can name who left.
 */
export async function releaseComposition(
  q: Queryable,
  contributors: Iterable<string>,
  previousContributors: readonly string[] | null | undefined,
): Promise<ReleaseComposition> {
  const associationIds = [...new Set(contributors)].sort();
  const concerned = [...new Set([...associationIds, ...(previousContributors ?? [])])];
  const { rows } = await q.query<NamedAssociation>(
    `SELECT id, slug, name FROM association
      WHERE id = ANY($1::uuid[]) AND name_public AND withdrawn_at IS NULL
      ORDER BY name, slug`,
    [concerned],
  );
  return { associationIds, consenting: rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name })) };
}

/** The charts number the annotations when they cannot sit side by side; beyond this they would not fit a phone. */
export const MAX_ANNOTATIONS = 12;

/**
 * Checks the annotations given with a release against its reference years: one per year at most, and only on a
 * year the release covers (an annotation elsewhere would be drawn nowhere). Returns them sorted by year.
 */
export function checkAnnotations(
  annotations: readonly ReleaseAnnotation[] | undefined,
  years: readonly number[],
): ReleaseAnnotation[] {
  const list = [...(annotations ?? [])].sort((a, b) => a.year - b.year);
  if (list.length > MAX_ANNOTATIONS) {
    throw new StatsError('invalid_annotation', 400, {
      fr: `${list.length} annotations : ${MAX_ANNOTATIONS} au plus par publication, pour que les graphiques restent lisibles. Gardez les plus importantes.`,
      en: `${list.length} annotations: at most ${MAX_ANNOTATIONS} per release, so that the charts stay readable. Keep the most important ones.`,
    });
  }
  const covered = new Set(years);
  for (const [i, a] of list.entries()) {
    if (!covered.has(a.year)) {
      const span = years.length ? `${Math.min(...years)}–${Math.max(...years)}` : '—';
      throw new StatsError('invalid_annotation', 400, {
        fr: `Annotation « ${a.text.fr} » : l’année ${a.year} n’est pas couverte par cette publication (${span}). Choisissez une année couverte ou retirez l’annotation.`,
        en: `Annotation "${a.text.en}": year ${a.year} is not covered by this release (${span}). Choose a covered year or remove the annotation.`,
      });
    }
    if (i > 0 && list[i - 1].year === a.year) {
      throw new StatsError('invalid_annotation', 400, {
        fr: `Deux annotations pour l’année ${a.year} : regroupez-les en une seule (« ${list[i - 1].text.fr} » et « ${a.text.fr} »).`,
        en: `Two annotations for year ${a.year}: merge them into one ("${list[i - 1].text.en}" and "${a.text.en}").`,
      });
    }
  }
  return list.map((a) => ({ year: a.year, text: { fr: a.text.fr.trim(), en: a.text.en.trim() } }));
}
