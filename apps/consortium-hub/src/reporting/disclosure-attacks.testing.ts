/*
 * Attacks on published lines, for tests: what a reader can add up from a line (a breakdown with its
 * total, or a row or column of a table) and from the same line in an earlier release, less what
 * they know themselves. Written apart from the rules and by brute force (every coalition, every set
 * of categories), so that a test using it checks the rules rather than repeating them.
 */

/** A published figure; null when it was hidden. */
export type Shown = number | null;

/** What a co-op knows of its own part of a line: its cells, and those it withheld on its node with their sum. */
export interface OwnPart {
  readonly cells: ReadonlyMap<string, number>;
  readonly withheld: readonly string[];
  readonly withheldSum: number;
}

export interface PublishedLine {
  readonly name: string;
  /** Each category's published figure; a category not listed was 0 (the total is the sum of those listed). */
  readonly cells: ReadonlyMap<string, Shown>;
  readonly total: Shown;
  /** Each co-op in the release, by id. */
  readonly own: ReadonlyMap<string, OwnPart>;
  /** The threshold the figures were published under, when the line says. */
  readonly threshold?: number;
}

export interface Leak {
  readonly line: string;
  readonly reader: string;
  readonly categories: readonly string[];
  readonly learnt: number;
}

const small = (n: number, threshold: number) => Math.abs(n) >= 1 && Math.abs(n) <= threshold;

/** Every set of up to `size` of the items, the empty one first. */
export function coalitions<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [[]];
  const grow = (from: number, taken: T[]) => {
    if (taken.length === size) return;
    for (let i = from; i < items.length; i++) {
      out.push([...taken, items[i]]);
      grow(i + 1, [...taken, items[i]]);
    }
  };
  grow(0, []);
  return out;
}

function subsets(items: readonly string[]): string[][] {
  return Array.from({ length: 2 ** items.length - 1 }, (_, mask) => items.filter((_, i) => ((mask + 1) >> i) & 1));
}

/** A co-op's own part of a set of categories, if it can tell: all or none of what it withheld. */
export function ownOf(part: OwnPart | undefined, set: readonly string[]): number | undefined {
  if (!part) return 0;
  const withheldIn = part.withheld.filter((c) => set.includes(c)).length;
  if (withheldIn !== 0 && withheldIn !== part.withheld.length) return undefined;
  return set.reduce((a, c) => a + (part.cells.get(c) ?? 0), 0) + (withheldIn ? part.withheldSum : 0);
}

/** The sum of a set of categories as the line lets a reader add it up, if it does. */
export function knownSum(line: PublishedLine, set: readonly string[]): number | undefined {
  const hidden = [...line.cells].filter(([, v]) => v === null).map(([c]) => c);
  const shownIn = set.reduce((a, c) => a + (line.cells.get(c) ?? 0), 0);
  if (!hidden.some((c) => set.includes(c))) return shownIn;
  if (line.total === null || !hidden.every((c) => set.includes(c))) return undefined;
  const shownAll = [...line.cells.values()].reduce((a: number, v) => a + (v ?? 0), 0);
  return shownIn + (line.total - shownAll);
}

/**
 * Within one release: every shown figure, and the line's hidden figures together, less what any
 * coalition of up to `size` of its co-ops knows of them (commissioners: the empty coalition).
 */
export function lineLeaks(line: PublishedLine, threshold: number, size: number): Leak[] {
  const categories = [...line.cells.keys()];
  const hidden = categories.filter((c) => line.cells.get(c) === null);
  const sets = [...categories.filter((c) => line.cells.get(c) !== null).map((c) => [c]), ...(hidden.length ? [hidden] : [])];
  const leaks: Leak[] = [];
  for (const set of sets) {
    const sum = knownSum(line, set);
    if (sum === undefined) continue;
    for (const coalition of coalitions([...line.own.keys()], size)) {
      const owns = coalition.map((c) => ownOf(line.own.get(c), set));
      if (owns.some((o) => o === undefined)) continue;
      const learnt = sum - owns.reduce((a: number, o) => a + o!, 0);
      if (learnt >= 1 && learnt <= threshold) leaks.push({ line: line.name, reader: readerName('', coalition), categories: set, learnt });
    }
  }
  return leaks;
}

/**
 * Between an earlier and a later release of the same line: every set of categories whose sum both
 * let a reader add up, its change, less the change of what any coalition of up to `size` co-ops
 * (of either release) knows of its own part. Only the smallest such sets: a larger one is made of
 * smaller ones the reader knows the change of one by one, so its change tells them nothing new (and
 * where changes go both ways, it is a difference between counts rather than a count).
 */
export function releaseLeaks(earlier: PublishedLine, later: PublishedLine, threshold: number, size: number): Leak[] {
  const categories = [...new Set([...earlier.cells.keys(), ...later.cells.keys()])];
  const coops = [...new Set([...earlier.own.keys(), ...later.own.keys()])].sort();
  const leaks: Leak[] = [];
  const smallest: string[][] = [];
  for (const set of subsets(categories).sort((a, b) => a.length - b.length)) {
    const [then, now] = [knownSum(earlier, set), knownSum(later, set)];
    if (then === undefined || now === undefined) continue;
    if (smallest.some((s) => s.length < set.length && s.every((c) => set.includes(c)))) continue;
    smallest.push(set);
    for (const coalition of coalitions(coops, size)) {
      const changes = coalition.map((c) => {
        const [a, b] = [ownOf(later.own.get(c), set), ownOf(earlier.own.get(c), set)];
        return a === undefined || b === undefined ? undefined : a - b;
      });
      if (changes.some((d) => d === undefined)) continue;
      const learnt = now - then - changes.reduce((a: number, d) => a + d!, 0);
      if (small(learnt, threshold))
        leaks.push({
          line: `${earlier.name} then ${later.name}`,
          reader: readerName(`a holder of ${earlier.name.split(', ')[0]}`, coalition),
          categories: set,
          learnt,
        });
    }
  }
  return leaks;
}

function readerName(base: string, coalition: readonly string[]): string {
  const who = coalition.length ? `co-ops ${coalition.join(' + ')}` : '';
  return [base, who].filter(Boolean).join(' with ') || 'commissioners';
}

// ---------------------------------------------------------------------------------------------
// A consolidated report's counts of people as lines, with each co-op's own part from its return
// ---------------------------------------------------------------------------------------------

type Value = number | null | { readonly suppressed: true };

export interface ReportedMetric {
  readonly id: string;
  readonly countsPeople: boolean;
  readonly threshold: number | null;
  readonly total: Value;
  readonly breakdowns: readonly {
    readonly dimension: string;
    readonly cells: readonly { readonly category: string; readonly value: Value }[];
  }[];
}

export interface ReturnedFigure {
  readonly metric: string;
  readonly breakdown: Readonly<Record<string, string | undefined>> | null;
  readonly value: number | null;
  readonly suppressedOnNode?: boolean;
}

export interface SentReturn {
  readonly coopId: string;
  readonly figures: readonly ReturnedFigure[];
}

/** Subsets published with their whole (paid the Real Living Wage, of the headcount): metric id to whole's id. */
export type SubsetsOf = Readonly<Record<string, string>>;

const numberOr = (v: Value | undefined): number | null => (typeof v === 'number' ? v : null);

/**
 * Every count of people in a report as the lines a reader can add up: each breakdown with the
 * metric's total, each count published alone, and each subset with the people left out of its whole.
 */
export function reportLines(
  metrics: readonly ReportedMetric[],
  returns: readonly SentReturn[],
  release: string,
  subsets: SubsetsOf = {},
): PublishedLine[] {
  const totalOf = (r: SentReturn, metric: string) => r.figures.find((f) => f.metric === metric && f.breakdown === null)?.value ?? null;
  const reporting = (metric: string) => returns.filter((r) => totalOf(r, metric) !== null);
  const lines: PublishedLine[] = [];
  for (const m of metrics.filter((x) => x.countsPeople && x.total !== null)) {
    const threshold = m.threshold ?? undefined;
    const whole = subsets[m.id] ? metrics.find((x) => x.id === subsets[m.id]) : undefined;
    if (whole) {
      const own = new Map<string, OwnPart>(
        reporting(m.id).map((r) => [
          r.coopId,
          {
            cells: new Map([
              [m.id, totalOf(r, m.id)!],
              ['left out', (totalOf(r, whole.id) ?? 0) - totalOf(r, m.id)!],
            ]),
            withheld: [],
            withheldSum: 0,
          },
        ]),
      );
      lines.push({
        name: `${release}, ${m.id} of ${whole.id}`,
        cells: new Map([
          [m.id, numberOr(m.total)],
          ['left out', null],
        ]),
        total: numberOr(whole.total),
        own,
        threshold,
      });
      continue;
    }
    if (m.breakdowns.length === 0) {
      const own = new Map<string, OwnPart>(
        reporting(m.id).map((r) => [r.coopId, { cells: new Map([[m.id, totalOf(r, m.id)!]]), withheld: [], withheldSum: 0 }]),
      );
      lines.push({ name: `${release}, ${m.id}`, cells: new Map([[m.id, numberOr(m.total)]]), total: numberOr(m.total), own, threshold });
      continue;
    }
    for (const b of m.breakdowns) {
      const own = new Map<string, OwnPart>(
        reporting(m.id).map((r) => {
          const mine = r.figures.filter((f) => f.metric === m.id && f.breakdown?.[b.dimension] !== undefined);
          const cells = new Map(mine.filter((f) => !f.suppressedOnNode).map((f) => [f.breakdown![b.dimension]!, f.value ?? 0]));
          const withheld = mine.filter((f) => f.suppressedOnNode).map((f) => f.breakdown![b.dimension]!);
          const shownSum = [...cells.values()].reduce((a, v) => a + v, 0);
          return [r.coopId, { cells, withheld, withheldSum: withheld.length ? totalOf(r, m.id)! - shownSum : 0 }];
        }),
      );
      lines.push({
        name: `${release}, ${m.id} by ${b.dimension}`,
        cells: new Map(b.cells.map((c) => [c.category, numberOr(c.value)])),
        total: numberOr(m.total),
        own,
        threshold,
      });
    }
  }
  return lines;
}

/** The same line in two releases, paired by name (the release's own name left out). */
export function pairLines(earlier: readonly PublishedLine[], later: readonly PublishedLine[]): [PublishedLine, PublishedLine][] {
  const key = (line: PublishedLine) => line.name.slice(line.name.indexOf(', ') + 2);
  return later.flatMap((line): [PublishedLine, PublishedLine][] => {
    const then = earlier.find((e) => key(e) === key(line));
    return then ? [[then, line]] : [];
  });
}

/** mulberry32: small, seeded, the same tables on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
