import { MINOR_AGE_BANDS, platformChannel } from '@observatoire/schema';
import type { LinearConstraint } from '../disclosure/lp.js';
import {
  ALL,
  CHANNEL_VIEWS,
  CUBE_DIMENSIONS,
  DIMENSION_CODES,
  MINORS_TOGETHER,
  SINGLE_VALUED,
  VIEW_DIMENSIONS,
  channelGroupOf,
  exploitationGroupOf,
  filterKeys,
  inSurface,
  type CubeDimension,
  type FilterKey,
} from './dimensions.js';

export type CellDimension = CubeDimension | 'cases';

/** Looks a cell of one year up by view, dimension and code (undefined when the surface has no such cell). */
export type CellIndex = (filter: FilterKey, dimension: CellDimension, code: string) => number | undefined;

const ONLINE = `recruitmentChannelGroup:${CHANNEL_VIEWS[0]}`;
const NOT_ONLINE = `recruitmentChannelGroup:${CHANNEL_VIEWS[1]}`;
const PLATFORMS: readonly CubeDimension[] = ['recruitmentPlatform', 'exploitationPlatform'];

const eq = (terms: [number, number][], value = 0): LinearConstraint => ({ terms, lo: value, hi: value });
export const atLeast = (terms: [number, number][], value = 0): LinearConstraint => ({ terms, lo: value, hi: Infinity });

/**
 * Everything a reader of one reference year knows besides the published values, as linear constraints over the
 * year's cells (see docs/disclosure.md, "What the reader knows"):
 * - the two channel views split the year: unfiltered = online + not online, cell by cell;
 * - single-valued dimensions add up to their view's total; multi-valued ones cover it (every case has at least
 *   one code, `unknown` included), no code exceeds it, and `unknown` never comes with a known code;
 * - groups: a channel or exploitation group holds each of its members and at most their sum; the online group is
 *   the online view's total; unknown channel cases are all in the not-online view;
 * - the ETL's rules (a named platform implies its channel, a platform implies the online group) and the age bands
 *   under the minor flag, wherever the data obey them: a fact that holds in the data can only make the reader
 *   stronger, so the audit assumes it (conservative), whether or not a reader could know it.
 * `truth` gives the true counts, to keep only the conditional facts that hold.
 */
export function knowledge(at: CellIndex, truth: (cell: number) => number): LinearConstraint[] {
  const out: LinearConstraint[] = [];
  splitFacts(at, out);
  tableFacts(at, out);
  groupFacts(at, out);
  const ifTrue = (c: LinearConstraint) => {
    const v = c.terms.reduce((sum: number, [i, k]) => sum + k * truth(i), 0);
    if (v >= c.lo && v <= c.hi) out.push(c);
  };
  etlFacts(at, ifTrue);
  return out;
}

/** The split: unfiltered = online + not online (totals and every cell of the views' dimensions). */
function splitFacts(at: CellIndex, out: LinearConstraint[]): void {
  const split = (d: CellDimension, code: string) => {
    const [a, o, n] = [at(ALL, d, code), at(ONLINE, d, code), at(NOT_ONLINE, d, code)];
    if (a !== undefined && o !== undefined && n !== undefined)
      out.push(
        eq([
          [a, 1],
          [o, -1],
          [n, -1],
        ]),
      );
  };
  split('cases', 'all');
  for (const d of VIEW_DIMENSIONS) for (const code of DIMENSION_CODES[d]) split(d, code);
}

/** Each table and its view's total: sums, coverage, `unknown` alone. */
function tableFacts(at: CellIndex, out: LinearConstraint[]): void {
  for (const view of filterKeys())
    viewTableFacts(
      at,
      view,
      CUBE_DIMENSIONS.filter((d) => inSurface(view, d)),
      out,
    );
}

/** One view's tables and its total (the release's views, or a constant panel's). */
export function viewTableFacts(
  at: CellIndex,
  view: FilterKey,
  dimensions: readonly CubeDimension[],
  out: LinearConstraint[],
): void {
  const total = at(view, 'cases', 'all');
  if (total === undefined) return;
  for (const d of dimensions) {
    const codes = DIMENSION_CODES[d]
      .map((code) => [code, at(view, d, code)] as const)
      .filter(([, i]) => i !== undefined) as [string, number][];
    if (!codes.length) continue;
    if (SINGLE_VALUED.has(d)) {
      out.push(eq([...codes.map(([, i]) => [i, 1] as [number, number]), [total, -1]]));
      continue;
    }
    for (const [, i] of codes)
      out.push(
        atLeast([
          [total, 1],
          [i, -1],
        ]),
      );
    if (PLATFORMS.includes(d)) continue; // a case may have no platform at all
    out.push(atLeast([...codes.map(([, i]) => [i, 1] as [number, number]), [total, -1]]));
    const unknown = codes.find(([code]) => code === 'unknown')?.[1];
    if (unknown === undefined) continue;
    for (const [code, i] of codes)
      if (code !== 'unknown')
        out.push(
          atLeast([
            [total, 1],
            [unknown, -1],
            [i, -1],
          ]),
        );
  }
}

/** Groups, in the unfiltered view, and how the channel groups meet the two channel views. */
function groupFacts(at: CellIndex, out: LinearConstraint[]): void {
  memberFacts(at, ALL, out);
  const online = at(ALL, 'recruitmentChannelGroup', 'online');
  const offline = at(ALL, 'recruitmentChannelGroup', 'offline');
  const unknownGroup = at(ALL, 'recruitmentChannelGroup', 'unknown');
  const onlineTotal = at(ONLINE, 'cases', 'all');
  const notOnlineTotal = at(NOT_ONLINE, 'cases', 'all');
  if (online !== undefined && onlineTotal !== undefined)
    out.push(
      eq([
        [online, 1],
        [onlineTotal, -1],
      ]),
    );
  if (unknownGroup === undefined || notOnlineTotal === undefined) return;
  out.push(
    atLeast([
      [notOnlineTotal, 1],
      [unknownGroup, -1],
    ]),
  );
  if (offline !== undefined)
    out.push(
      atLeast([
        [offline, 1],
        [unknownGroup, 1],
        [notOnlineTotal, -1],
      ]),
    );
}

/** In one view: a channel or exploitation group holds each of its members and at most their sum. */
export function memberFacts(at: CellIndex, view: FilterKey, out: LinearConstraint[]): void {
  const group = (groupDim: CubeDimension, memberDim: CubeDimension, groupOf: (code: string) => string) => {
    for (const g of DIMENSION_CODES[groupDim]) {
      const gi = at(view, groupDim, g);
      if (gi === undefined) continue;
      const members = DIMENSION_CODES[memberDim]
        .filter((m) => groupOf(m) === g)
        .map((m) => at(view, memberDim, m))
        .filter((i) => i !== undefined) as number[];
      if (!members.length) continue;
      if (g === 'unknown' && members.length === 1) {
        out.push(
          eq([
            [gi, 1],
            [members[0], -1],
          ]),
        );
        continue;
      }
      for (const m of members)
        out.push(
          atLeast([
            [gi, 1],
            [m, -1],
          ]),
        );
      out.push(atLeast([...members.map((m) => [m, 1] as [number, number]), [gi, -1]]));
    }
  };
  group('recruitmentChannelGroup', 'recruitmentChannel', channelGroupOf);
  group('exploitationGroup', 'exploitationType', exploitationGroupOf);
}

/** The ETL's implications and the minor flag, kept where the data obey them. */
function etlFacts(at: CellIndex, ifTrue: (c: LinearConstraint) => void): void {
  const online = at(ALL, 'recruitmentChannelGroup', 'online');
  const below = (big: number | undefined, small: number | undefined) => {
    if (big !== undefined && small !== undefined)
      ifTrue(
        atLeast([
          [big, 1],
          [small, -1],
        ]),
      );
  };
  for (const p of DIMENSION_CODES.recruitmentPlatform) {
    const pi = at(ALL, 'recruitmentPlatform', p);
    below(online, pi);
    const ch = platformChannel(p);
    below(ch ? at(ALL, 'recruitmentChannel', ch) : undefined, pi);
  }
  const yes = at(ALL, 'onlineExploitation', 'yes');
  for (const p of DIMENSION_CODES.exploitationPlatform) below(yes, at(ALL, 'exploitationPlatform', p));
  const bands = (list: string[]) => list.map((b) => at(ALL, 'ageBand', b)).filter((i) => i !== undefined) as number[];
  const flags: [string, string[]][] = [
    ['yes', [...MINOR_AGE_BANDS, MINORS_TOGETHER]],
    ['no', ['18-20', '21-23', '24-26', '27-29', '30-38', '39-47', '48+']],
  ];
  for (const [flag, list] of flags) {
    const f = at(ALL, 'minor', flag);
    if (f === undefined) continue;
    const terms: [number, number][] = [[f, 1], ...bands(list).map((i) => [i, -1] as [number, number])];
    ifTrue(eq(terms));
    ifTrue(atLeast(terms));
  }
}

/** Cells that are one number by definition: withheld or published together. */
export function twins(at: CellIndex): number[][] {
  const pairs: [number | undefined, number | undefined][] = [
    [at(ALL, 'recruitmentChannelGroup', 'online'), at(ONLINE, 'cases', 'all')],
    [at(ALL, 'recruitmentChannelGroup', 'unknown'), at(ALL, 'recruitmentChannel', 'unknown')],
    [at(ALL, 'exploitationGroup', 'unknown'), at(ALL, 'exploitationType', 'unknown')],
  ];
  return pairs.filter(([a, b]) => a !== undefined && b !== undefined) as number[][];
}
