import { FlowEdge, minCostMaxFlow } from './min-cost-flow.rules';

/**
 * Assembling the consortium's bid: which co-op takes how many hours of which lot.
 *
 * The method is exact, not a heuristic. The offers form a flow network
 *
 *   source ──(co-op's cap)──▶ co-op ──(its offer on the lot, cost per hour)──▶ lot ──(lot's hours)──▶ sink
 *
 * and a minimum-cost maximum flow (min-cost-flow.rules.ts) gives, in this order of priority:
 *   1. as many of the lots' hours covered as the offers allow (the flow is maximal);
 *   2. among those, as many hours as possible with co-ops local to the lot (cost component 1:
 *      one for each hour a co-op gives outside its own localities);
 *   3. among those, the lowest weekly price (cost component 2: the co-op's price per hour).
 *
 * Caps: each offer caps the co-op's hours on that lot; a co-op's cap across the whole tender is the
 * total it stated last (`statedTotals`: the latest offer that states a `totalHoursPerWeek`; a later
 * offer without one does not lift the cap) or, if it never stated one, the sum of its lot offers.
 * The flow never carries more than a cap, so no co-op is ever allocated more than it offered.
 * Offers above a lot's ceiling, and 0-hour offers, take no part.
 *
 * Ties (equal coverage, locality and price) go to the co-op first in id order, so the same offers
 * always give the same bid.
 */
export interface LotToCover {
  lotId: string;
  locality: string;
  hoursPerWeek: number;
  ceilingPencePerHour: number;
}

export interface CoopOffer {
  coopId: string;
  lotId: string;
  hoursPerWeek: number;
  pricePencePerHour: number;
  /** Whether the lot's locality is one of the co-op's own. */
  local: boolean;
}

export interface StatedCapacity {
  coopId: string;
  totalHoursPerWeek: number;
}

/** An offer as received, for working out the total each co-op stated. */
export interface OfferStatement {
  coopId: string;
  totalHoursPerWeek: number | null;
  madeAt: Date;
  receivedAt: Date;
}

/**
 * Each co-op's stated total across the tender: the one from its latest offer (by the time it counts
 * as made, then arrival) that states one. Every offer the hub accepted counts here, including ones
 * since superseded or withdrawn by a lot change: a total speaks of the co-op's carers, not of one lot.
 * An offer without a total leaves the earlier total standing, so a co-op that said "40 in all" and
 * then adjusted one lot is still held to 40.
 */
export function statedTotals(offers: readonly OfferStatement[]): StatedCapacity[] {
  const latest = new Map<string, OfferStatement>();
  for (const o of offers) {
    if (o.totalHoursPerWeek === null) continue;
    const held = latest.get(o.coopId);
    const later =
      !held ||
      o.madeAt.getTime() > held.madeAt.getTime() ||
      (o.madeAt.getTime() === held.madeAt.getTime() && o.receivedAt.getTime() > held.receivedAt.getTime());
    if (later) latest.set(o.coopId, o);
  }
  return [...latest.values()]
    .sort((a, b) => (a.coopId < b.coopId ? -1 : 1))
    .map((o) => ({ coopId: o.coopId, totalHoursPerWeek: o.totalHoursPerWeek! }));
}

export interface Allocation {
  lotId: string;
  coopId: string;
  hoursPerWeek: number;
  pricePencePerHour: number;
  local: boolean;
}

export interface LotCoverage {
  lotId: string;
  hoursPerWeek: number;
  allocatedHoursPerWeek: number;
  uncoveredHoursPerWeek: number;
  localHoursPerWeek: number;
  /** What the allocated hours cost a week, at each co-op's price. */
  weeklyPricePence: number;
}

export interface CoopCommitment {
  coopId: string;
  capHoursPerWeek: number;
  allocatedHoursPerWeek: number;
}

export interface AssembledBid {
  method: string;
  allocations: Allocation[];
  lots: LotCoverage[];
  coops: CoopCommitment[];
  /** The lots the offers cannot fully cover, with how many hours are missing. */
  uncoveredLots: LotCoverage[];
  requiredHoursPerWeek: number;
  allocatedHoursPerWeek: number;
  localHoursPerWeek: number;
  weeklyPricePence: number;
}

export const ASSEMBLY_METHOD =
  'exact minimum-cost maximum flow (successive shortest paths): most hours covered, then most hours by local co-ops, then lowest price; ties to the co-op first by id';

export function assembleBid(
  lots: readonly LotToCover[],
  offers: readonly CoopOffer[],
  stated: readonly StatedCapacity[] = [],
): AssembledBid {
  const sortedLots = [...lots].sort((a, b) => (a.lotId < b.lotId ? -1 : a.lotId > b.lotId ? 1 : 0));
  const lotById = new Map(sortedLots.map((l) => [l.lotId, l]));
  if (lotById.size !== lots.length) throw new RangeError('a lot is listed twice');
  const seen = new Set<string>();
  for (const o of offers) {
    const key = `${o.coopId} ${o.lotId}`;
    if (seen.has(key)) throw new RangeError(`co-op ${o.coopId} has two offers on lot ${o.lotId}: give only its current one`);
    seen.add(key);
  }
  const usable = offers
    .filter((o) => o.hoursPerWeek > 0 && lotById.has(o.lotId) && o.pricePencePerHour <= lotById.get(o.lotId)!.ceilingPencePerHour)
    .sort((a, b) => (a.coopId < b.coopId ? -1 : a.coopId > b.coopId ? 1 : a.lotId < b.lotId ? -1 : a.lotId > b.lotId ? 1 : 0));
  const coopIds = [...new Set(usable.map((o) => o.coopId))].sort();
  const statedBy = new Map(stated.map((s) => [s.coopId, s.totalHoursPerWeek]));
  const caps = coopIds.map((id) => {
    const offered = usable.filter((o) => o.coopId === id).reduce((sum, o) => sum + o.hoursPerWeek, 0);
    return Math.min(offered, statedBy.get(id) ?? offered);
  });

  // Nodes: 0 source, 1..C co-ops, C+1..C+L lots, C+L+1 sink.
  const coopNode = new Map(coopIds.map((id, i) => [id, 1 + i]));
  const lotNode = new Map(sortedLots.map((l, i) => [l.lotId, 1 + coopIds.length + i]));
  const sink = 1 + coopIds.length + sortedLots.length;
  const edges: FlowEdge[] = [
    ...coopIds.map((id, i) => ({ from: 0, to: coopNode.get(id)!, capacity: caps[i], cost: [0, 0] })),
    ...usable.map((o) => ({
      from: coopNode.get(o.coopId)!,
      to: lotNode.get(o.lotId)!,
      capacity: o.hoursPerWeek,
      cost: [o.local ? 0 : 1, o.pricePencePerHour],
    })),
    ...sortedLots.map((l) => ({ from: lotNode.get(l.lotId)!, to: sink, capacity: l.hoursPerWeek, cost: [0, 0] })),
  ];
  const result = minCostMaxFlow(sink + 1, edges, 0, sink);
  const firstOffer = coopIds.length;
  const allocations: Allocation[] = usable
    .map((o, i) => ({
      lotId: o.lotId,
      coopId: o.coopId,
      hoursPerWeek: result.edgeFlows[firstOffer + i],
      pricePencePerHour: o.pricePencePerHour,
      local: o.local,
    }))
    .filter((a) => a.hoursPerWeek > 0)
    .sort((a, b) => (a.lotId < b.lotId ? -1 : a.lotId > b.lotId ? 1 : a.coopId < b.coopId ? -1 : 1));

  const coverage: LotCoverage[] = sortedLots.map((l) => {
    const mine = allocations.filter((a) => a.lotId === l.lotId);
    const allocated = sum(mine.map((a) => a.hoursPerWeek));
    return {
      lotId: l.lotId,
      hoursPerWeek: l.hoursPerWeek,
      allocatedHoursPerWeek: allocated,
      uncoveredHoursPerWeek: l.hoursPerWeek - allocated,
      localHoursPerWeek: sum(mine.filter((a) => a.local).map((a) => a.hoursPerWeek)),
      weeklyPricePence: sum(mine.map((a) => a.hoursPerWeek * a.pricePencePerHour)),
    };
  });
  return {
    method: ASSEMBLY_METHOD,
    allocations,
    lots: coverage,
    coops: coopIds.map((id, i) => ({
      coopId: id,
      capHoursPerWeek: caps[i],
      allocatedHoursPerWeek: sum(allocations.filter((a) => a.coopId === id).map((a) => a.hoursPerWeek)),
    })),
    uncoveredLots: coverage.filter((c) => c.uncoveredHoursPerWeek > 0),
    requiredHoursPerWeek: sum(sortedLots.map((l) => l.hoursPerWeek)),
    allocatedHoursPerWeek: result.flow,
    localHoursPerWeek: sum(coverage.map((c) => c.localHoursPerWeek)),
    weeklyPricePence: sum(coverage.map((c) => c.weeklyPricePence)),
  };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
