import { assembleBid, AssembledBid, CoopOffer, LotToCover, StatedCapacity, statedTotals } from './bid-assembly.rules';
import { minCostMaxFlow } from './min-cost-flow.rules';

/** A small seeded generator (mulberry32), so every random case can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

const lot = (lotId: string, hoursPerWeek: number, locality = 'Marsden', ceilingPencePerHour = 2500): LotToCover => ({
  lotId,
  locality,
  hoursPerWeek,
  ceilingPencePerHour,
});
const offer = (coopId: string, lotId: string, hoursPerWeek: number, pricePencePerHour = 2400, local = true): CoopOffer => ({
  coopId,
  lotId,
  hoursPerWeek,
  pricePencePerHour,
  local,
});
const hoursOf = (bid: AssembledBid, coopId: string, lotId?: string) =>
  bid.allocations.filter((a) => a.coopId === coopId && (!lotId || a.lotId === lotId)).reduce((s, a) => s + a.hoursPerWeek, 0);

/** What the bid scores, in order of priority: hours covered (more is better), hours not local, weekly price. */
const score = (allocs: { hoursPerWeek: number; local: boolean; pricePencePerHour: number }[]) => [
  allocs.reduce((s, a) => s + a.hoursPerWeek, 0),
  allocs.reduce((s, a) => s + (a.local ? 0 : a.hoursPerWeek), 0),
  allocs.reduce((s, a) => s + a.hoursPerWeek * a.pricePencePerHour, 0),
];
const better = (a: number[], b: number[]) => a[0] > b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])));

/** Tries every allocation of whole hours: the reference the exact method must match. */
function bruteForce(lots: LotToCover[], offers: CoopOffer[], stated: StatedCapacity[]): number[] {
  const usable = offers.filter(
    (o) => o.hoursPerWeek > 0 && o.pricePencePerHour <= lots.find((l) => l.lotId === o.lotId)!.ceilingPencePerHour,
  );
  const cap = (c: string) =>
    Math.min(
      usable.filter((o) => o.coopId === c).reduce((s, o) => s + o.hoursPerWeek, 0),
      stated.find((s) => s.coopId === c)?.totalHoursPerWeek ?? Infinity,
    );
  let best = [0, 0, 0];
  const x = new Array(usable.length).fill(0);
  const visit = (i: number) => {
    if (i === usable.length) {
      const feasible =
        lots.every((l) => usable.reduce((s, o, k) => s + (o.lotId === l.lotId ? x[k] : 0), 0) <= l.hoursPerWeek) &&
        [...new Set(usable.map((o) => o.coopId))].every((c) => usable.reduce((s, o, k) => s + (o.coopId === c ? x[k] : 0), 0) <= cap(c));
      if (feasible) {
        const s = score(usable.map((o, k) => ({ ...o, hoursPerWeek: x[k] })));
        if (better(s, best)) best = s;
      }
      return;
    }
    for (let h = 0; h <= usable[i].hoursPerWeek; h++) {
      x[i] = h;
      visit(i + 1);
    }
    x[i] = 0;
  };
  visit(0);
  return best;
}

function randomInstance(seed: number) {
  const r = random(seed);
  const lots = Array.from({ length: r.int(1, 3) }, (_, i) =>
    lot(`lot-${i}`, r.int(1, 5), r.next() < 0.5 ? 'Marsden' : 'Holmfirth', r.int(20, 26) * 100),
  );
  const coops = Array.from({ length: r.int(1, 3) }, (_, i) => `coop-${i}`);
  const offers: CoopOffer[] = [];
  for (const c of coops)
    for (const l of lots)
      if (r.next() < 0.7 && offers.length < 7) offers.push(offer(c, l.lotId, r.int(0, 3), r.int(19, 27) * 100, r.next() < 0.5));
  const stated = coops.filter(() => r.next() < 0.4).map((c) => ({ coopId: c, totalHoursPerWeek: r.int(0, 4) }));
  return { lots, offers, stated };
}

function checkFeasible(bid: AssembledBid, lots: LotToCover[], offers: CoopOffer[], stated: StatedCapacity[]): void {
  for (const a of bid.allocations) {
    const o = offers.find((x) => x.coopId === a.coopId && x.lotId === a.lotId)!;
    expect(a.hoursPerWeek).toBeLessThanOrEqual(o.hoursPerWeek);
    expect(a.pricePencePerHour).toBeLessThanOrEqual(lots.find((l) => l.lotId === a.lotId)!.ceilingPencePerHour);
  }
  for (const l of lots)
    expect(bid.allocations.filter((a) => a.lotId === l.lotId).reduce((s, a) => s + a.hoursPerWeek, 0)).toBeLessThanOrEqual(l.hoursPerWeek);
  for (const c of new Set(offers.map((o) => o.coopId))) {
    const offered = offers.filter((o) => o.coopId === c && o.hoursPerWeek > 0).reduce((s, o) => s + o.hoursPerWeek, 0);
    expect(hoursOf(bid, c)).toBeLessThanOrEqual(Math.min(offered, stated.find((s) => s.coopId === c)?.totalHoursPerWeek ?? Infinity));
  }
}

describe('bid assembly', () => {
  it('never allocates a co-op more than it offered in total across lots', () => {
    // Colne Valley offers 30 hours on each of three lots but can take on 40 in all.
    const lots = [lot('a', 30), lot('b', 30), lot('c', 30)];
    const offers = [offer('colne', 'a', 30), offer('colne', 'b', 30), offer('colne', 'c', 30), offer('holme', 'a', 10, 2450)];
    const bid = assembleBid(lots, offers, [{ coopId: 'colne', totalHoursPerWeek: 40 }]);
    expect(hoursOf(bid, 'colne')).toBe(40);
    expect(hoursOf(bid, 'holme')).toBe(10);
    expect(bid.coops).toEqual([
      { coopId: 'colne', capHoursPerWeek: 40, allocatedHoursPerWeek: 40 },
      { coopId: 'holme', capHoursPerWeek: 10, allocatedHoursPerWeek: 10 },
    ]);
    expect(bid.allocatedHoursPerWeek).toBe(50);
  });

  it('uses the whole of each lot offer when the co-op states no total', () => {
    const bid = assembleBid([lot('a', 30), lot('b', 30)], [offer('colne', 'a', 20), offer('colne', 'b', 25)]);
    expect(bid.coops).toEqual([{ coopId: 'colne', capHoursPerWeek: 45, allocatedHoursPerWeek: 45 }]);
  });

  it("keeps a co-op's stated total when a later offer states none, and takes the latest one stated", () => {
    const at = (minute: number) => new Date(Date.UTC(2027, 0, 10, 9, minute));
    const offersMade = [
      { coopId: 'colne', totalHoursPerWeek: 50, madeAt: at(0), receivedAt: at(0) },
      { coopId: 'colne', totalHoursPerWeek: 40, madeAt: at(5), receivedAt: at(5) },
      // The admin later adjusts one lot and gives no total: the 40 still holds.
      { coopId: 'colne', totalHoursPerWeek: null, madeAt: at(9), receivedAt: at(9) },
      // An older statement arriving late (a republish) does not override a newer one.
      { coopId: 'colne', totalHoursPerWeek: 70, madeAt: at(3), receivedAt: at(20) },
      { coopId: 'holme', totalHoursPerWeek: null, madeAt: at(1), receivedAt: at(1) },
    ];
    const stated = statedTotals(offersMade);
    expect(stated).toEqual([{ coopId: 'colne', totalHoursPerWeek: 40 }]);
    const bid = assembleBid(
      [lot('a', 30), lot('b', 30), lot('c', 30)],
      [offer('colne', 'a', 30), offer('colne', 'b', 30), offer('colne', 'c', 30)],
      stated,
    );
    expect(hoursOf(bid, 'colne')).toBe(40);
  });

  it('prefers a local co-op to a cheaper one from elsewhere', () => {
    const bid = assembleBid(
      [lot('marsden', 20)],
      [offer('preston', 'marsden', 20, 1900, false), offer('colne', 'marsden', 15, 2400, true)],
    );
    expect(hoursOf(bid, 'colne', 'marsden')).toBe(15);
    expect(hoursOf(bid, 'preston', 'marsden')).toBe(5);
    expect(bid.lots[0]).toMatchObject({ allocatedHoursPerWeek: 20, localHoursPerWeek: 15, uncoveredHoursPerWeek: 0 });
  });

  it('among local co-ops, takes the cheaper hours first', () => {
    const bid = assembleBid([lot('a', 20)], [offer('dear', 'a', 20, 2450), offer('cheap', 'a', 12, 2200)]);
    expect(hoursOf(bid, 'cheap')).toBe(12);
    expect(hoursOf(bid, 'dear')).toBe(8);
    expect(bid.weeklyPricePence).toBe(12 * 2200 + 8 * 2450);
  });

  it('covers more hours before it prefers locality: a shared co-op goes where only it can help', () => {
    // colne is local to both lots but has 10 hours; preston can only do lot a.
    const bid = assembleBid(
      [lot('a', 10), lot('b', 10)],
      [offer('colne', 'a', 10), offer('colne', 'b', 10), offer('preston', 'a', 10, 2000, false)],
      [{ coopId: 'colne', totalHoursPerWeek: 10 }],
    );
    expect(hoursOf(bid, 'colne', 'b')).toBe(10);
    expect(hoursOf(bid, 'preston', 'a')).toBe(10);
    expect(bid.uncoveredLots).toEqual([]);
  });

  it('reports a lot that cannot be fully covered, with the hours missing', () => {
    const bid = assembleBid([lot('a', 40), lot('b', 10), lot('c', 5)], [offer('colne', 'a', 25), offer('holme', 'b', 10)]);
    expect(bid.uncoveredLots.map((l) => [l.lotId, l.uncoveredHoursPerWeek])).toEqual([
      ['a', 15],
      ['c', 5],
    ]);
    expect(bid).toMatchObject({ requiredHoursPerWeek: 55, allocatedHoursPerWeek: 35 });
  });

  it('leaves out offers above the ceiling and 0-hour offers', () => {
    const bid = assembleBid([lot('a', 10, 'Marsden', 2500)], [offer('dear', 'a', 10, 2600), offer('gone', 'a', 0, 2000)]);
    expect(bid.allocations).toEqual([]);
    expect(bid.uncoveredLots[0].uncoveredHoursPerWeek).toBe(10);
  });

  it('gives the same bid whatever order the offers come in', () => {
    const { lots, offers, stated } = randomInstance(7);
    const shuffled = [...offers].reverse();
    expect(assembleBid([...lots].reverse(), shuffled, stated)).toEqual(assembleBid(lots, offers, stated));
  });

  it('refuses two offers from one co-op on one lot', () => {
    expect(() => assembleBid([lot('a', 10)], [offer('colne', 'a', 5), offer('colne', 'a', 6)])).toThrow(/two offers/);
  });

  it('matches an exhaustive search on 300 small random tenders, and never over-commits anyone', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { lots, offers, stated } = randomInstance(seed);
      const bid = assembleBid(lots, offers, stated);
      checkFeasible(bid, lots, offers, stated);
      expect({ seed, score: score(bid.allocations) }).toEqual({ seed, score: bruteForce(lots, offers, stated) });
    }
  });
});

describe('minimum-cost maximum flow', () => {
  it('finds the maximum flow at the least cost on a textbook network', () => {
    // 0 → 1 → 3 and 0 → 2 → 3, with a cheap but narrow route and a dear wide one, and a cross edge.
    const edges = [
      { from: 0, to: 1, capacity: 4, cost: [2] },
      { from: 0, to: 2, capacity: 2, cost: [2] },
      { from: 1, to: 2, capacity: 2, cost: [1] },
      { from: 1, to: 3, capacity: 2, cost: [3] },
      { from: 2, to: 3, capacity: 4, cost: [1] },
    ];
    const result = minCostMaxFlow(4, edges, 0, 3);
    expect(result.flow).toBe(6);
    expect(result.cost).toEqual([2 * 6 + 2 * 1 + 2 * 3 + 4 * 1]);
    expect(result.edgeFlows).toEqual([4, 2, 2, 2, 4]);
  });

  it('weighs the first cost component above any amount of the second', () => {
    const edges = [
      { from: 0, to: 1, capacity: 1, cost: [1, 0] },
      { from: 0, to: 2, capacity: 1, cost: [0, 1_000_000_000] },
      { from: 1, to: 3, capacity: 1, cost: [0, 0] },
      { from: 2, to: 3, capacity: 1, cost: [0, 0] },
      { from: 3, to: 4, capacity: 1, cost: [0, 0] },
    ];
    expect(minCostMaxFlow(5, edges, 0, 4).edgeFlows).toEqual([0, 1, 0, 1, 1]);
  });

  it('refuses a negative cost or a capacity that is not whole', () => {
    expect(() => minCostMaxFlow(2, [{ from: 0, to: 1, capacity: 1, cost: [-1] }], 0, 1)).toThrow(RangeError);
    expect(() => minCostMaxFlow(2, [{ from: 0, to: 1, capacity: 1.5, cost: [1] }], 0, 1)).toThrow(RangeError);
  });
});
