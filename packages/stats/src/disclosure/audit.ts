import { LinearModel, type Interval, type LinearConstraint, type VariableRange } from './lp.js';
import type { DisclosureRule, SuppressionReason } from './types.js';

/** One count of the publication surface, as the audit sees it. */
export interface AuditCell {
  /** The true count (never published when withheld). */
  value: number;
  /** The cell's threshold (the rule's, or the platform threshold). */
  threshold: number;
  /** Cases per contributing association. */
  contributors: ReadonlyMap<string, number>;
}

/**
 * A quantity that must stay uncertain for a reader: one withheld cell, or the sum of a table's withheld cells when
 * that sum is one association's caseload. `threshold`: the values consistent with everything published must run
 * from 0 to threshold - 1; `span`: they must be at least `threshold` different values (as many as 0..threshold-1).
 */
export interface Target {
  terms: ReadonlyArray<readonly [cell: number, coef: number]>;
  requirement: 'threshold' | 'span';
  threshold: number;
  /** For reports: the cell, or the table whose withheld cells add up to one association's caseload. */
  label: string;
}

export interface AuditFailure {
  target: Target;
  interval: Interval;
}

const EPS = 1e-6;

/** What the reason given for a withheld cell tells the reader. */
export function rangeOf(cell: AuditCell, reason: SuppressionReason | null): VariableRange {
  if (reason === null) return { lo: cell.value, hi: cell.value };
  if (reason === 'confidential') return { lo: 0, hi: Infinity };
  return reason === 'threshold' ? { lo: 0, hi: cell.threshold - 1 } : { lo: cell.threshold, hi: Infinity };
}

/** Whether a cell's true count lies in the range its reason states (a published cell always fits). */
export function fits(cell: AuditCell, reason: SuppressionReason | null): boolean {
  const range = rangeOf(cell, reason);
  return cell.value >= range.lo && cell.value <= range.hi;
}

export function passes(target: Target, interval: Interval): boolean {
  const min = Math.ceil(interval.min - EPS);
  const max = Math.floor(interval.max + EPS);
  return target.requirement === 'threshold'
    ? min <= 0 && max >= target.threshold - 1
    : max - min + 1 >= target.threshold;
}

/**
 * The reader's model of a set of cells: published cells are constants, withheld cells are unknowns bounded by
 * the reason given, the constraints are what the reader knows. Built once per suppression pattern.
 */
export class ReaderModel {
  private readonly varOf = new Map<number, number>();
  private model: LinearModel | null = null;
  private readonly ranges: VariableRange[] = [];
  private readonly rows: LinearConstraint[] = [];
  private readonly values: number[];

  constructor(
    cells: readonly AuditCell[],
    reasons: readonly (SuppressionReason | null)[],
    constraints: readonly LinearConstraint[],
  ) {
    this.values = cells.map((c, i) => (reasons[i] === null ? c.value : 0));
    const ranges = this.ranges;
    reasons.forEach((r, i) => {
      if (r !== null) {
        this.varOf.set(i, ranges.length);
        ranges.push(rangeOf(cells[i], r));
      }
    });
    const rows = this.rows;
    for (const c of constraints) {
      let constant = 0;
      const terms: [number, number][] = [];
      for (const [cell, coef] of c.terms) {
        const v = this.varOf.get(cell);
        if (v === undefined) constant += coef * cells[cell].value;
        else terms.push([v, coef]);
      }
      if (terms.length) rows.push({ terms, lo: c.lo - constant, hi: c.hi - constant });
    }
  }

  /** Loads the model into the solver (integer variables when `integer`). */
  async load(integer: boolean): Promise<this> {
    this.dispose();
    if (this.ranges.length) this.model = await LinearModel.create(this.ranges, this.rows, integer);
    return this;
  }

  dispose(): void {
    this.model?.dispose();
    this.model = null;
  }

  /** The values a reader can still give to `Σ coef·cell` (published cells count as their value). */
  interval(terms: Target['terms']): Interval {
    let constant = 0;
    const unknown: [number, number][] = [];
    for (const [cell, coef] of terms) {
      const v = this.varOf.get(cell);
      if (v === undefined) constant += coef * this.values[cell];
      else unknown.push([v, coef]);
    }
    if (!unknown.length) return { min: constant, max: constant };
    if (!this.model) throw new Error('The reader model is not loaded.');
    const i = this.model.interval(unknown);
    return { min: constant + i.min, max: constant + i.max };
  }
}

/**
 * The reader's model of one year with every cell a variable (a published cell fixed at its value), loaded once:
 * withholding a cell, or trying to, only changes its bounds, and each question re-runs from the last basis.
 * `reasons` is shared with the caller and changed through `setReason`.
 */
export class YearModel {
  private model: LinearModel | null = null;

  constructor(
    private readonly cells: readonly AuditCell[],
    readonly reasons: (SuppressionReason | null)[],
    private readonly constraints: readonly LinearConstraint[],
  ) {}

  async load(integer: boolean): Promise<this> {
    this.dispose();
    this.model = await LinearModel.create(
      this.cells.map((c, i) => rangeOf(c, this.reasons[i])),
      this.constraints,
      integer,
    );
    return this;
  }

  setReason(cell: number, reason: SuppressionReason | null): void {
    this.reasons[cell] = reason;
    this.model?.setRange(cell, rangeOf(this.cells[cell], reason));
  }

  interval(terms: Target['terms']): Interval {
    if (terms.every(([cell]) => this.reasons[cell] === null)) {
      const v = terms.reduce((sum, [cell, coef]) => sum + coef * this.cells[cell].value, 0);
      return { min: v, max: v };
    }
    if (!this.model) throw new Error('The reader model is not loaded.');
    return this.model.interval(terms);
  }

  failures(targets: readonly Target[]): AuditFailure[] {
    const out: AuditFailure[] = [];
    for (const target of targets) {
      const interval = this.interval(target.terms);
      if (!passes(target, interval)) out.push({ target, interval });
    }
    return out;
  }

  dispose(): void {
    this.model?.dispose();
    this.model = null;
  }
}

/** The targets that fail their protection interval, with the interval a reader can compute. */
export async function audit(
  cells: readonly AuditCell[],
  reasons: readonly (SuppressionReason | null)[],
  constraints: readonly LinearConstraint[],
  targets: readonly Target[],
  integer: boolean,
): Promise<AuditFailure[]> {
  if (!targets.length) return [];
  const model = await new ReaderModel(cells, reasons, constraints).load(integer);
  try {
    const failures: AuditFailure[] = [];
    for (const target of targets) {
      const interval = model.interval(target.terms);
      if (!passes(target, interval)) failures.push({ target, interval });
    }
    return failures;
  } finally {
    model.dispose();
  }
}

/** Primary suppression of one cell: below its threshold, or too few associations / one dominant association. */
export function primaryReason(cell: AuditCell, rule: DisclosureRule): SuppressionReason | null {
  if (cell.value < cell.threshold) return 'threshold';
  return dominated(cell.contributors, cell.value, rule) ? 'associations' : null;
}

/** Whether a count is, in effect, one association's caseload (fewer than the minimum, or one above the share). */
export function dominated(contributors: ReadonlyMap<string, number>, value: number, rule: DisclosureRule): boolean {
  let largest = 0;
  let contributing = 0;
  for (const n of contributors.values()) {
    if (n > 0) contributing++;
    largest = Math.max(largest, n);
  }
  return value > 0 && (contributing < rule.minAssociations || largest / value > rule.maxAssociationShare);
}
