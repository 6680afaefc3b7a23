/**
 * The node's side of joint tendering, as plain functions: how much this co-op could take on, what it
 * suggests offering on each lot, the checks an offer passes before it leaves (the hub checks again,
 * and its word is final), and contracted hours over a period.
 */

/** Roles whose contracted hours deliver care; coordinators, managers and admin staff do not. */
export const CARING_ROLES = ['care-worker', 'senior-carer'] as const;

/**
 * Pay is not the whole cost of an hour of care: employer's National Insurance and pension, holiday,
 * travel time between visits, training and supervision add about 60% in the Homecare Association's
 * costings. The estimate is shown beside the ceiling so the admin can see when a lot would lose money.
 */
export const ON_COST_FACTOR = 1.6;

export interface WorkforceLoad {
  /** Weekly contracted minutes of current staff in caring roles. */
  contractedMinutesPerWeek: number;
  /** Minutes of visits planned (not cancelled) in the four weeks before today, and in the four weeks from today. */
  plannedMinutesLastFourWeeks: number;
  plannedMinutesNextFourWeeks: number;
  /** Hours a week of contracts already held that have not ended. */
  contractHoursPerWeek: number;
  /**
   * Hours a week offered on other tenders whose outcome is not known yet (see `offeredHoursByTender`):
   * the same carers cannot be promised twice. 0 when looking at no tender in particular.
   */
  offeredElsewhereHoursPerWeek: number;
  /** Mean hourly pay of current staff in caring roles, in pence (null with no such staff). */
  meanCarerPayPence: number | null;
}

export interface Capacity {
  contractedHoursPerWeek: number;
  plannedVisitHoursPerWeek: number;
  contractHoursPerWeek: number;
  offeredElsewhereHoursPerWeek: number;
  /** What is left: contracted − planned visits − contracts − hours offered on other open tenders, in whole hours, never below 0. */
  spareHoursPerWeek: number;
  estimatedCostPencePerHour: number | null;
}

/**
 * Spare weekly hours: contracted hours of current carers, less the weekly visit load (the busier of
 * the last four weeks and the next four, so a quiet rota ahead does not hide a busy one), less the
 * hours already promised under contracts, less the hours offered on other tenders still open. Hours
 * of a contract that are already planned as visits are counted twice, which errs on the side of never
 * offering hours the co-op cannot give.
 */
export function capacityOf(load: WorkforceLoad): Capacity {
  const contracted = load.contractedMinutesPerWeek / 60;
  const planned = Math.max(load.plannedMinutesLastFourWeeks, load.plannedMinutesNextFourWeeks) / 4 / 60;
  const spare = Math.max(0, Math.floor(contracted - planned - load.contractHoursPerWeek - load.offeredElsewhereHoursPerWeek));
  return {
    contractedHoursPerWeek: round2(contracted),
    plannedVisitHoursPerWeek: round2(planned),
    contractHoursPerWeek: load.contractHoursPerWeek,
    offeredElsewhereHoursPerWeek: load.offeredElsewhereHoursPerWeek,
    spareHoursPerWeek: spare,
    estimatedCostPencePerHour: load.meanCarerPayPence === null ? null : Math.ceil(load.meanCarerPayPence * ON_COST_FACTOR),
  };
}

export interface LotTerms {
  lotId: string;
  reference: string;
  hoursPerWeek: number;
  ceilingPencePerHour: number;
}

export interface SuggestedOffer {
  lotId: string;
  hoursPerWeek: number;
  pricePencePerHour: number;
  /** The ceiling is below what an hour costs this co-op. */
  belowCost: boolean;
}

/**
 * What to offer: on each lot as many hours as it asks, up to all the spare hours, at the ceiling
 * price (the most the council pays; the admin may go lower); and a total across the tender of the
 * spare hours, so the hub never gives this co-op more than it has, however many lots it takes.
 */
export function suggestOffers(capacity: Capacity, lots: readonly LotTerms[]): { offers: SuggestedOffer[]; totalHoursPerWeek: number } {
  return {
    offers: lots.map((l) => ({
      lotId: l.lotId,
      hoursPerWeek: Math.min(l.hoursPerWeek, capacity.spareHoursPerWeek),
      pricePencePerHour: l.ceilingPencePerHour,
      belowCost: capacity.estimatedCostPencePerHour !== null && l.ceilingPencePerHour < capacity.estimatedCostPencePerHour,
    })),
    totalHoursPerWeek: capacity.spareHoursPerWeek,
  };
}

/**
 * The total across a tender the node states when the admin gives none: the total the co-op stated on
 * the tender before, else its spare hours for it. Without a total the hub would cap the co-op at the
 * sum of its lot offers, and the suggestion offers all the spare hours on every lot: that would
 * over-commit it. An offer on one lot above this default is refused (`totalProblem`), so a default
 * can never silently cut what the admin typed in.
 */
export function defaultTotalHoursPerWeek(spareHoursPerWeek: number, statedBefore: number | null): number {
  return statedBefore ?? spareHoursPerWeek;
}

/** Without a stated total, no single offer may be more than the default: the admin must say how much the co-op can take on in all. */
export function totalProblem(offers: readonly { hoursPerWeek: number }[], defaultTotal: number): string | null {
  const largest = Math.max(0, ...offers.map((o) => o.hoursPerWeek));
  return largest > defaultTotal
    ? `totalHoursPerWeek is needed: an offer of ${largest} hours a week is more than the ${defaultTotal} the node would state for the whole tender (its spare hours, or the total stated before); give the total the co-op can take on across the lots`
    : null;
}

/** An offer this co-op sent that still stands: its latest on the lot, not refused, withdrawn or decided. */
export interface StandingOffer {
  tenderId: string;
  hoursPerWeek: number;
  /** The latest total the co-op stated on the tender (any lot), or null if it never stated one. */
  tenderTotalHoursPerWeek: number | null;
}

/**
 * Hours a week this co-op has on offer per tender, while it waits to hear the outcome: the sum of its
 * standing lot offers, capped by the total it stated for that tender (the hub never allocates more).
 * An offer stops standing when the hub refuses it, withdraws its lot (a change, a split, a
 * cancellation), or the council decides the lot (a contract, or `tendering.lot-lost`).
 */
export function offeredHoursByTender(offers: readonly StandingOffer[]): Map<string, number> {
  const sums = new Map<string, { sum: number; total: number | null }>();
  for (const o of offers) {
    const held = sums.get(o.tenderId) ?? { sum: 0, total: o.tenderTotalHoursPerWeek };
    sums.set(o.tenderId, { sum: held.sum + o.hoursPerWeek, total: held.total });
  }
  return new Map([...sums.entries()].map(([tenderId, { sum, total }]) => [tenderId, total === null ? sum : Math.min(sum, total)]));
}

/** Hours on offer on every tender but `tenderId` (null: all of them). */
export function offeredElsewhere(byTender: ReadonlyMap<string, number>, tenderId: string | null): number {
  let hours = 0;
  for (const [id, h] of byTender) if (id !== tenderId) hours += h;
  return hours;
}

export interface OfferProblem {
  rule: string;
  message: string;
  kind: 'invalid' | 'conflict' | 'not-found';
}

export interface OpenLot extends LotTerms {
  withdrawn: boolean;
  /** When offers on this lot close, if the hub gave it a deadline of its own (earlier than the tender's). */
  deadline?: Date | null;
}

/**
 * The checks an offer passes on the node before it is sent. Null when it may go. `offersClosedAt` is
 * when the hub said offers closed (`tendering.offers-closed`), which staff may do before the deadline.
 */
export function offerProblem(
  lot: OpenLot | undefined,
  offer: { lotId: string; hoursPerWeek: number; pricePencePerHour: number },
  deadline: Date,
  now: Date,
  offersClosedAt: Date | null = null,
): OfferProblem | null {
  if (!lot) return { rule: 'TENDERING.LOT_NOT_FOUND', kind: 'not-found', message: `lot ${offer.lotId} is not in this invitation` };
  if (lot.withdrawn)
    return {
      rule: 'TENDERING.LOT_WITHDRAWN',
      kind: 'conflict',
      message: `lot ${lot.reference} was withdrawn by the hub: wait for its new terms`,
    };
  if (now >= deadline) return { rule: 'TENDERING.AFTER_DEADLINE', kind: 'conflict', message: `offers closed at ${deadline.toISOString()}` };
  if (lot.deadline && now >= lot.deadline)
    return {
      rule: 'TENDERING.AFTER_DEADLINE',
      kind: 'conflict',
      message: `offers on lot ${lot.reference} closed at its deadline ${lot.deadline.toISOString()}`,
    };
  if (offersClosedAt) {
    return {
      rule: 'TENDERING.OFFERS_CLOSED',
      kind: 'conflict',
      message: `the hub closed offers at ${offersClosedAt.toISOString()}${offersClosedAt < deadline ? `, before the deadline of ${deadline.toISOString()},` : ''} to assemble the consortium's bid: no more offers can count`,
    };
  }
  if (offer.hoursPerWeek > lot.hoursPerWeek)
    return {
      rule: 'TENDERING.MORE_THAN_LOT',
      kind: 'invalid',
      message: `hoursPerWeek ${offer.hoursPerWeek} is more than lot ${lot.reference} asks for (${lot.hoursPerWeek})`,
    };
  if (offer.hoursPerWeek > 0 && offer.pricePencePerHour > lot.ceilingPencePerHour) {
    return {
      rule: 'TENDERING.ABOVE_CEILING',
      kind: 'invalid',
      message: `pricePencePerHour ${offer.pricePencePerHour} is above lot ${lot.reference}'s ceiling of ${lot.ceilingPencePerHour}`,
    };
  }
  return null;
}

/**
 * Whether the co-op may ask a question about a tender now, by what the hub's invitation said of its
 * enquiry period (the hub judges again on arrival). Null when it may.
 */
export function enquiryProblem(
  invitation: { enquiryStartsAt: Date | null; enquiryEndsAt: Date | null; cancelled: boolean },
  lot: { withdrawn: boolean } | null | undefined,
  lotId: string | undefined,
  now: Date,
): OfferProblem | null {
  if (lotId && !lot) return { rule: 'TENDERING.LOT_NOT_FOUND', kind: 'not-found', message: `lot ${lotId} is not in this invitation` };
  if (invitation.cancelled) return { rule: 'TENDERING.TENDER_CANCELLED', kind: 'conflict', message: 'the tender was cancelled' };
  if (!invitation.enquiryEndsAt)
    return { rule: 'TENDERING.NO_ENQUIRY_PERIOD', kind: 'conflict', message: 'this tender has no enquiry period: it takes no questions' };
  if (invitation.enquiryStartsAt && now < invitation.enquiryStartsAt)
    return {
      rule: 'TENDERING.ENQUIRY_PERIOD_NOT_OPEN',
      kind: 'conflict',
      message: `the enquiry period opens at ${invitation.enquiryStartsAt.toISOString()}`,
    };
  if (now >= invitation.enquiryEndsAt)
    return {
      rule: 'TENDERING.ENQUIRY_PERIOD_OVER',
      kind: 'conflict',
      message: `the enquiry period ended at ${invitation.enquiryEndsAt.toISOString()}: no more questions`,
    };
  return null;
}

/** Days of [start, end] that fall in [from, to], both ends included; 0 when they do not meet. */
export function overlapDays(start: string, end: string, from: string, to: string): number {
  const a = Math.max(Date.parse(start), Date.parse(from));
  const b = Math.min(Date.parse(end), Date.parse(to));
  return b < a ? 0 : Math.round((b - a) / 86_400_000) + 1;
}

/** Hours a contract promises over the days of a period it covers. */
export function contractedHours(hoursPerWeek: number, days: number): number {
  return round2((hoursPerWeek * days) / 7);
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Lot references in reading order: 2 before 10, 2 before 2.1 before 2.2 (as the hub numbers split lots). */
export function compareReferences(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const byNumber = /^\d+$/.test(pa[i]) && /^\d+$/.test(pb[i]) ? Number(pa[i]) - Number(pb[i]) : 0;
    if (byNumber !== 0) return byNumber;
    if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
  }
  return pa.length - pb.length;
}
