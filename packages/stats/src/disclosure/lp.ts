import * as highsModule from 'highs';

// `highs` ships ESM (a default export) with CommonJS-flavoured types that NodeNext reads as the namespace: the
// part of its persistent-model API used here, typed by hand.
type Sense = { readonly __sense: true };
interface HighsModel {
  changeColBounds(index: number, lower: number, upper: number): unknown;
  options: { set(o: Readonly<Record<string, string | number | boolean>>): unknown };
  changeColCost(index: number, cost: number): unknown;
  changeObjectiveSense(sense: Sense): unknown;
  run(): unknown;
  getModelStatus(): number;
  getObjectiveValue(): number;
  dispose(): void;
}
interface Highs {
  infinity: number;
  solve(
    problem: string,
    options: Readonly<Record<string, string | number | boolean>>,
  ): { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal?: number }> };
  createModel(source: { format: 'lp'; data: string }): HighsModel;
  constants: {
    objectiveSense: { minimize: Sense; maximize: Sense };
    modelStatus: { optimal: number; unbounded: number; unboundedOrInfeasible: number; infeasible: number };
  };
}
type Loader = () => Promise<Highs>;
const highsLoader = (highsModule as unknown as { default: Loader }).default;

let loader: Promise<Highs> | null = null;
let models = 0;
/** A fresh WebAssembly instance every so many models (one long-lived instance has been reported to fail). */
const RECREATE_EVERY = 500;

async function highs(): Promise<Highs> {
  if (!loader || models >= RECREATE_EVERY) {
    loader = highsLoader();
    models = 0;
  }
  models++;
  return loader;
}

/** `lo ≤ Σ coef·x[var] ≤ hi` over the model's variables (±Infinity for a one-sided constraint). */
export interface LinearConstraint {
  terms: ReadonlyArray<readonly [variable: number, coef: number]>;
  lo: number;
  hi: number;
}

/** What a reader knows of one variable before any constraint: a published value, or a range. */
export interface VariableRange {
  lo: number;
  hi: number;
}

export interface Interval {
  min: number;
  max: number;
}

/** How many models were solved since the process started (for the audit's report and the benchmark). */
export let solveCount = 0;

const name = (v: number) => `x${v}`;

/** CPLEX LP text: minimise `objective` over the variables' ranges and the constraints; `integer` lists whole-number variables. */
function lpText(
  ranges: readonly VariableRange[],
  constraints: readonly LinearConstraint[],
  objective: ReadonlyArray<readonly [number, number]>,
  integer: readonly number[],
): string {
  const rows: string[] = [];
  constraints.forEach((c, i) => {
    if (!c.terms.length) return;
    const e = expr(c.terms);
    if (c.lo === c.hi) rows.push(` e${i}: ${e} = ${c.lo}`);
    else {
      if (c.lo > -Infinity) rows.push(` l${i}: ${e} >= ${c.lo}`);
      if (c.hi < Infinity) rows.push(` h${i}: ${e} <= ${c.hi}`);
    }
  });
  const bounds = ranges.map((r, v) =>
    r.hi === Infinity
      ? ` ${name(v)} >= ${r.lo}`
      : r.lo === r.hi
        ? ` ${name(v)} = ${r.lo}`
        : ` ${r.lo === -Infinity ? '-inf' : r.lo} <= ${name(v)} <= ${r.hi}`,
  );
  // Every variable appears in the objective (with a zero cost if need be), so that the solver creates it.
  const cost = new Map(objective.map(([v, c]) => [v, c]));
  return (
    `Minimize\n obj: ${ranges.map((_, v) => `${cost.get(v) ?? 0} ${name(v)}`).join(' + ')}\n` +
    `Subject To\n${rows.length ? rows.join('\n') : ` z: ${name(0)} >= ${ranges[0]?.lo ?? 0}`}\n` +
    `Bounds\n${bounds.join('\n')}\n` +
    (integer.length ? `General\n ${integer.map(name).join(' ')}\n` : '') +
    'End\n'
  );
}

/**
 * The cheapest solution of a model (minimise `Σ cost·x`, costs ≥ 0): its objective and the value of every
 * variable, or null when the model has none (or none was found in the time allowed).
 */
export async function cheapest(
  ranges: readonly VariableRange[],
  constraints: readonly LinearConstraint[],
  costs: ReadonlyArray<readonly [number, number]>,
  integer: readonly number[],
): Promise<{ cost: number; values: number[] } | null> {
  const h = await highs();
  solveCount++;
  const s = h.solve(lpText(ranges, constraints, costs, integer), { output_flag: false, time_limit: 30 });
  if (s.Status !== 'Optimal') return null;
  return { cost: s.ObjectiveValue, values: ranges.map((_, v) => s.Columns[name(v)]?.Primal ?? 0) };
}

function expr(terms: ReadonlyArray<readonly [number, number]>): string {
  return terms.map(([v, c], i) => `${c < 0 ? '-' : i ? '+' : ''} ${Math.abs(c)} ${name(v)}`).join(' ');
}

/**
 * A reader's model, loaded once into HiGHS (from CPLEX LP text); each question (the smallest and largest value of
 * one expression) only changes the objective and re-runs from the last basis. `dispose()` frees the solver.
 */
export class LinearModel {
  /** Bounds changed since the model was built (re-applied if the solver instance has to be recreated). */
  private readonly changed = new Map<number, VariableRange>();

  private constructor(
    private readonly h: Highs,
    private model: HighsModel,
    private readonly text: string,
  ) {}

  /** Changes one variable's range (a cell withheld, or published again during a trial). */
  setRange(v: number, range: VariableRange): void {
    this.changed.set(v, range);
    this.model.changeColBounds(v, range.lo, range.hi === Infinity ? this.h.infinity : range.hi);
  }

  static async create(
    ranges: readonly VariableRange[],
    constraints: readonly LinearConstraint[],
    integer: boolean,
  ): Promise<LinearModel> {
    const text = lpText(ranges, constraints, [], integer ? ranges.map((_, v) => v) : []);
    const h = await highs();
    const model = h.createModel({ format: 'lp', data: text });
    model.options.set({ output_flag: false, time_limit: 60 });
    return new LinearModel(h, model, text);
  }

  /** The smallest and largest value of `Σ coef·x` over every solution of the model. */
  interval(target: ReadonlyArray<readonly [number, number]>): Interval {
    for (const [v, c] of target) this.model.changeColCost(v, c);
    try {
      return { min: this.optimum('minimize', target), max: this.optimum('maximize', target) };
    } finally {
      for (const [v] of target) this.model.changeColCost(v, 0);
    }
  }

  dispose(): void {
    this.model.dispose();
  }

  private optimum(sense: 'minimize' | 'maximize', target?: ReadonlyArray<readonly [number, number]>): number {
    solveCount++;
    this.model.changeObjectiveSense(this.h.constants.objectiveSense[sense]);
    this.model.run();
    const status = this.model.getModelStatus();
    const s = this.h.constants.modelStatus;
    if (status !== s.optimal && status !== s.unbounded && status !== s.unboundedOrInfeasible && target) {
      // A re-run from the last basis can end unclassified: solve this question again on a fresh instance.
      this.model.dispose();
      this.model = this.h.createModel({ format: 'lp', data: this.text });
      this.model.options.set({ output_flag: false, time_limit: 60 });
      for (const [v, r] of this.changed)
        this.model.changeColBounds(v, r.lo, r.hi === Infinity ? this.h.infinity : r.hi);
      for (const [v, c] of target) this.model.changeColCost(v, c);
      return this.optimum(sense);
    }
    if (status === s.optimal) return this.model.getObjectiveValue();
    if (status === s.unbounded || status === s.unboundedOrInfeasible)
      return sense === 'maximize' ? Infinity : -Infinity;
    throw new Error(
      `The disclosure audit's model could not be solved (status ${status}): the model is inconsistent with the data.`,
    );
  }
}
