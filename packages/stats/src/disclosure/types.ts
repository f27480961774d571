/**
 * The generic disclosure-control problem: counts (cells) linked by additive equations (a total equals the sum of
 * its parts). The cube builder turns case records into this shape; the property tests build random tables in it.
 */

/** Why a cell is withheld. Each reason tells the reader (and an attacker) something, see `rangeOf` in audit.ts. */
export type SuppressionReason =
  /** The count is below the threshold (zero included). */
  | 'threshold'
  /** Fewer than `minAssociations` associations contribute, or one association makes up nearly all of it. */
  | 'associations'
  /** Withheld so that another withheld count cannot be recomputed from totals (complementary suppression). */
  | 'secondary'
  /**
   * Withheld with no further detail: used where even the reason would narrow a count (everything around it being
   * withheld already), so the reader learns only that it is withheld.
   */
  | 'confidential';

export const SUPPRESSION_REASONS: readonly SuppressionReason[] = [
  'threshold',
  'associations',
  'secondary',
  'confidential',
];

export interface DisclosureRule {
  /** Counts below this are withheld (default 5). */
  threshold: number;
  /** Threshold for breakdowns by platform (default 10). */
  platformThreshold: number;
  /** A published count needs at least this many contributing associations (default 2). */
  minAssociations: number;
  /**
   * Dominance: a count is withheld when one association contributes more than this share of it (default 0.9), so
   * that a published number is never, in effect, one association's caseload.
   */
  maxAssociationShare: number;
}

export const DEFAULT_RULE: DisclosureRule = {
  threshold: 5,
  platformThreshold: 10,
  minAssociations: 2,
  maxAssociationShare: 0.9,
};
