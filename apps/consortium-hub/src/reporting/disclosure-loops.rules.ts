import { smallestRest } from './disclosure-coalitions.rules';
import {
  allEntries,
  allLines,
  At,
  entriesOf,
  hide,
  isHidden,
  isSmall,
  lean,
  Line,
  otherLine,
  SuppressionReason,
  valueAt,
  Work,
} from './disclosure-grid.rules';

/*
 * Rule 6, room to move: no reader can pin down a hidden small figure (see disclosure-control.rules.ts
 * for why loops are the whole story).
 *
 * A reader is a base -- commissioners, or a holder of an earlier release, who knows the parts of
 * the co-ops unchanged since it -- with a coalition S of up to `coalition` co-ops pooling their own
 * parts. To S, a hidden figure is the part of the co-ops outside the base and S; it may go down in a
 * loop only if that part is above what S knows it must be: 1 for a figure of 1 (hidden figures are
 * never 0), and 0 for a figure all of whose co-ops (outside the base) are in S. So whether a figure
 * can go down depends on S only through which hidden figures S owns outright.
 *
 * Coalitions are not all tried; they are searched for. Start with no one pooling. If the figure has
 * a loop, a coalition that pins it must own outright one of the figures that loop lowers, so try
 * adding each such figure's co-ops in turn (while the coalition has room), and look for a loop again.
 * A coalition S that pins the figure is found this way: each step adds co-ops S must hold anyway, so
 * the search reaches a part of S under which no loop is left. Whether the figure is a small count to
 * a coalition holding at least these co-ops is `smallestRest` over the others with the places left;
 * a coalition too large for that to be small needs no looking into, nor does any larger one.
 */

interface Base {
  readonly name: string;
  readonly known: ReadonlySet<number>;
}

interface Reader {
  readonly base: Base;
  readonly pooled: ReadonlySet<number>;
}

/** Finds the first hidden small figure some reader could pin down, and hides more to free it. */
export function freeOnePinnedFigure(work: Work): boolean {
  const hidden = allEntries(work).filter((at) => isHidden(work, at));
  for (const base of basesOf(work)) {
    for (const at of hidden) {
      const pooled = pinningCoalition(work, base, at, new Set(), new Set());
      if (!pooled) continue;
      freeUp(work, { base, pooled }, at);
      return true;
    }
  }
  return false;
}

/** A coalition (with the base) that pins the figure down while it is a small count to them, or null. */
function pinningCoalition(work: Work, base: Base, at: At, pooled: ReadonlySet<number>, tried: Set<string>): ReadonlySet<number> | null {
  const rest = outsiders(work, base, at)
    .filter((c) => !pooled.has(c.coop))
    .map((c) => c.part);
  if (!isSmall(smallestRest(rest, work.coalition - pooled.size), work.threshold)) return null;
  const loop = anyLoop(work, { base, pooled }, at);
  if (!loop) return pooled;
  for (const lowered of loop) {
    if (lowered.row === at.row && lowered.column === at.column) continue;
    const next = new Set([...pooled, ...outsiders(work, base, lowered).map((c) => c.coop)]);
    const id = [...next].sort((a, b) => a - b).join(',');
    if (next.size > work.coalition || tried.has(id)) continue;
    tried.add(id);
    const found = pinningCoalition(work, base, at, next, tried);
    if (found) return found;
  }
  return null;
}

function basesOf(work: Work): Base[] {
  const bases: Base[] = [{ name: 'commissioners', known: new Set() }];
  for (const r of work.releases) {
    const id = [...r.unchanged].sort((a, b) => a - b).join(',');
    if (!bases.some((b) => [...b.known].sort((x, y) => x - y).join(',') === id)) bases.push({ name: r.name, known: r.unchanged });
  }
  return bases;
}

function outsiders(work: Work, base: Base, at: At) {
  return work.contributors[at.row][at.column].filter((c) => !base.known.has(c.coop));
}

/** Whether the figure may change by `change` (+1 or -1) as this reader sees it. */
function mayChange(work: Work, reader: Reader, at: At, change: number, start: At): boolean {
  if (change > 0) return true;
  if (valueAt(work, at) < 2) return false;
  if (at.row === start.row && at.column === start.column) return true;
  return outsiders(work, reader.base, at).some((c) => !reader.pooled.has(c.coop));
}

/** A loop of hidden figures that lets the figure move one way or the other: the figures it lowers, or null. */
function anyLoop(work: Work, reader: Reader, at: At): At[] | null {
  for (const change of [1, -1]) {
    if (change < 0 && !mayChange(work, reader, at, change, at)) continue;
    const loop = cheapestLoop(work, reader, at, change, false);
    if (loop) return [...loweredBy(work, at, change, loop), ...(change < 0 ? [at] : [])];
  }
  return null;
}

/** The figures of a loop that go down: the loop's i-th figure (from the start's column) takes the start's change, flipped on even steps. */
function loweredBy(work: Work, start: At, change: number, loop: readonly At[]): At[] {
  const startChange = change * lean(work, start);
  return loop.filter((at, i) => (i % 2 === 0 ? -startChange : startChange) * lean(work, at) < 0);
}

/**
 * Hides the figures that complete a loop for the pinned one while hiding the fewest people. The
 * loop that raises the figure with its row total, column total and grand total always qualifies
 * (every figure on it goes up), so there is always one to choose.
 */
function freeUp(work: Work, reader: Reader, pinned: At): void {
  const who = reader.pooled.size ? `${reader.base.name} with co-ops pooling what they know` : reader.base.name;
  const reason: SuppressionReason = `secondary: loop protection (else ${who} could pin down a hidden small figure)`;
  const [cheapest] = [1, -1]
    .filter((change) => change > 0 || mayChange(work, reader, pinned, change, pinned))
    .map((change) => cheapestLoop(work, reader, pinned, change, true))
    .filter((loop): loop is At[] => loop !== null)
    .sort((a, b) => cost(work, a) - cost(work, b));
  for (const at of cheapest) hide(work, at, reason);
}

const cost = (work: Work, loop: readonly At[]) => loop.reduce((a, at) => a + valueAt(work, at), 0);

/**
 * The cheapest way from the figure's column back to its row, each figure on the way taking the
 * change the loop gives it: leaving a column is an odd step of the loop (the opposite change to the
 * start, in flipped signs), leaving a row an even one. A hidden figure costs nothing; a shown
 * non-zero one, if `mayHide`, costs its value. Returns the shown figures the loop needs (none when
 * the hidden ones already close it) or, without `mayHide`, the loop's figures in order; null when
 * there is no loop. Cheapest-first search (Dijkstra)
 * over the lines reaches each line once, so the loop never crosses itself and every figure on it
 * changes exactly once; equal costs go to the earlier line, so the choice is the same every time.
 */
function cheapestLoop(work: Work, reader: Reader, start: At, change: number, mayHide: boolean): At[] | null {
  const startChange = change * lean(work, start);
  const order = new Map(allLines(work).map((line, i) => [lineId(line), i]));
  const reached = new Map<string, Reached>();
  const queue = new Queue((a: Reached, b: Reached) => a.cost - b.cost || a.order - b.order);
  const reach = (line: Line, cost: number, via: readonly At[]) => {
    const id = lineId(line);
    if ((reached.get(id)?.cost ?? Infinity) <= cost) return;
    const r = { line, cost, via, order: order.get(id)!, settled: false };
    reached.set(id, r);
    queue.push(r);
  };
  reach({ kind: 'column', index: start.column }, 0, []);
  for (let here = queue.pop(); here; here = queue.pop()) {
    if (here.settled || reached.get(lineId(here.line)) !== here) continue;
    here.settled = true;
    if (here.line.kind === 'row' && here.line.index === start.row)
      return mayHide ? here.via.filter((at) => !isHidden(work, at)) : [...here.via];
    const stepChange = here.line.kind === 'column' ? -startChange : startChange;
    for (const at of entriesOf(work, here.line)) {
      if (at.row === start.row && at.column === start.column) continue;
      const hidden = isHidden(work, at);
      if (!hidden && (!mayHide || valueAt(work, at) === 0)) continue;
      if (!mayChange(work, reader, at, stepChange * lean(work, at), start)) continue;
      const next = otherLine(at, here.line);
      if (reached.get(lineId(next))?.settled) continue;
      reach(next, here.cost + (hidden ? 0 : valueAt(work, at)), [...here.via, at]);
    }
  }
  return null;
}

interface Reached {
  readonly line: Line;
  readonly cost: number;
  readonly via: readonly At[];
  readonly order: number;
  settled: boolean;
}

const lineId = (line: Line) => `${line.kind}:${line.index}`;

/** A binary heap: the search visits each line once, cheapest first. */
class Queue<T> {
  private readonly items: T[] = [];
  constructor(private readonly before: (a: T, b: T) => number) {}

  push(item: T): void {
    const items = this.items;
    items.push(item);
    for (let i = items.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (this.before(items[i], items[parent]) >= 0) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length && last !== undefined) {
      items[0] = last;
      for (let i = 0; ;) {
        const [l, r] = [2 * i + 1, 2 * i + 2];
        let m = i;
        if (l < items.length && this.before(items[l], items[m]) < 0) m = l;
        if (r < items.length && this.before(items[r], items[m]) < 0) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m], items[i]];
        i = m;
      }
    }
    return top;
  }
}
