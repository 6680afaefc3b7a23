/**
 * The council's decision on the consortium's bid, lot by lot: won whole (every hour bid), won in
 * part (fewer hours), or lost. Awarded hours become contracts for the co-ops of the bid.
 *
 * A part award is shared out in the bid's own order of preference: local co-ops' hours first, then
 * the cheapest, then by co-op id. It keeps the hours the bid wanted most, and it is the same every
 * time for the same bid.
 */
export const LOT_OUTCOMES = ['whole', 'partial', 'lost'] as const;
export type LotOutcome = (typeof LOT_OUTCOMES)[number];

export interface LotDecision {
  lotId: string;
  outcome: LotOutcome;
  /** Only for a part award: the hours a week the council awarded. */
  hoursPerWeek?: number;
}

export interface BidLot {
  lotId: string;
  reference: string;
  /** The hours the bid offered on this lot (its allocation). */
  bidHoursPerWeek: number;
}

export interface AwardViolation {
  rule: string;
  message: string;
}

/** Checks that every lot of the bid is decided exactly once and each decision fits the bid; gives the awarded hours per lot. */
export function awardedHours(lots: readonly BidLot[], decisions: readonly LotDecision[]): Map<string, number> | AwardViolation {
  const byId = new Map(lots.map((l) => [l.lotId, l]));
  const hours = new Map<string, number>();
  for (const d of decisions) {
    const lot = byId.get(d.lotId);
    if (!lot) return { rule: 'TENDERING.AWARD_UNKNOWN_LOT', message: `lot ${d.lotId} is not an open lot of this tender` };
    if (hours.has(d.lotId)) return { rule: 'TENDERING.AWARD_TWICE', message: `lot ${lot.reference} is decided twice` };
    if (d.outcome !== 'partial' && d.hoursPerWeek !== undefined)
      return { rule: 'TENDERING.AWARD_HOURS', message: `lot ${lot.reference}: hoursPerWeek is only for a partial award` };
    if (d.outcome === 'lost') hours.set(d.lotId, 0);
    else if (lot.bidHoursPerWeek === 0)
      return { rule: 'TENDERING.AWARD_WITHOUT_BID', message: `lot ${lot.reference} cannot be won: the bid offered no hours on it` };
    else if (d.outcome === 'whole') hours.set(d.lotId, lot.bidHoursPerWeek);
    else if (
      d.hoursPerWeek === undefined ||
      !Number.isSafeInteger(d.hoursPerWeek) ||
      d.hoursPerWeek < 1 ||
      d.hoursPerWeek >= lot.bidHoursPerWeek
    ) {
      return {
        rule: 'TENDERING.AWARD_HOURS',
        message: `lot ${lot.reference}: a partial award needs hoursPerWeek from 1 to ${lot.bidHoursPerWeek - 1} (the bid offered ${lot.bidHoursPerWeek})`,
      };
    } else hours.set(d.lotId, d.hoursPerWeek);
  }
  const missing = lots.filter((l) => !hours.has(l.lotId));
  if (missing.length)
    return {
      rule: 'TENDERING.AWARD_INCOMPLETE',
      message: `every lot must be decided; missing: ${missing.map((l) => l.reference).join(', ')}`,
    };
  return hours;
}

export interface AllocatedShare {
  coopId: string;
  hoursPerWeek: number;
  pricePencePerHour: number;
  local: boolean;
}

/** Shares a lot's awarded hours among the co-ops allocated to it, in the bid's order of preference. */
export function shareAward(allocations: readonly AllocatedShare[], awarded: number): AllocatedShare[] {
  const ordered = [...allocations].sort(
    (a, b) =>
      Number(b.local) - Number(a.local) ||
      a.pricePencePerHour - b.pricePencePerHour ||
      (a.coopId < b.coopId ? -1 : a.coopId > b.coopId ? 1 : 0),
  );
  const shares: AllocatedShare[] = [];
  let left = awarded;
  for (const a of ordered) {
    if (left <= 0) break;
    const take = Math.min(a.hoursPerWeek, left);
    shares.push({ ...a, hoursPerWeek: take });
    left -= take;
  }
  if (left > 0) throw new RangeError(`awarded ${awarded} hours but only ${awarded - left} were bid`);
  return shares;
}
