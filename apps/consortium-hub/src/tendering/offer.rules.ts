import type { TenderStage } from './tender-stage.rules';

/**
 * How far ahead of the hub's clock a node's signed `occurredAt` may be. A node's clock that runs
 * fast could otherwise date an offer after the deadline that it really made before; one that runs
 * more than this fast is refused outright, so the node's admin hears about it.
 */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * How long after offers close an offer made before the close may still arrive and count: a node
 * that lost its link just before the deadline sends its outbox when it is back. After this, or once
 * the bid has been submitted, it is refused. (A co-op signs its own time, so this also bounds what
 * a co-op with a slow clock could slip in late.)
 */
export const MAX_LATE_DELIVERY_MS = 24 * 60 * 60_000;

export interface OfferSituation {
  tender: { stage: TenderStage; deadline: Date; offersClosedAt: Date | null };
  lot: { reference: string; status: 'open' | 'split'; version: number; hoursPerWeek: number; ceilingPencePerHour: number; replacedBy: string[] };
  /** The co-op holds a live invitation to this lot. */
  invited: boolean;
  coopId: string;
  receivedAt: Date;
}

export interface OfferTerms {
  lotVersion: number;
  hoursPerWeek: number;
  pricePencePerHour: number;
  /** The node's signed time of the offer. */
  madeAt: Date;
}

export type OfferRefusalKind = 'invalid' | 'conflict' | 'forbidden';
export interface OfferRefusal {
  rule: string;
  message: string;
  kind: OfferRefusalKind;
}

const pence = (p: number) => `${p.toLocaleString('en-GB')}p`;
const refuse = (rule: string, kind: OfferRefusalKind, message: string): OfferRefusal => ({ rule, kind, message });

/** When the tender stopped (or stops) taking offers: its deadline, or earlier if staff closed it by hand. */
export function offersCloseAt(tender: OfferSituation['tender']): Date {
  return tender.offersClosedAt && tender.offersClosedAt < tender.deadline ? tender.offersClosedAt : tender.deadline;
}

/**
 * Whether the hub takes an offer, and if not, why, in words the co-op's admin can act on. Time is
 * judged by when the co-op made the offer (its signed time), not when it arrived, within the limits
 * above. A 0-hour offer withdraws the co-op's offer and is judged by the same rules of time.
 */
export function offerRefusal(s: OfferSituation, offer: OfferTerms): OfferRefusal | null {
  const closeAt = offersCloseAt(s.tender);
  if (offer.madeAt.getTime() > s.receivedAt.getTime() + MAX_CLOCK_SKEW_MS) {
    return refuse('TENDERING.CLOCK_SKEW', 'invalid', `the offer is dated ${offer.madeAt.toISOString()}, more than ${MAX_CLOCK_SKEW_MS / 60_000} minutes after the hub received it (${s.receivedAt.toISOString()}): check the node's clock`);
  }
  if (s.tender.stage === 'cancelled') return refuse('TENDERING.TENDER_CANCELLED', 'conflict', 'the tender was cancelled');
  if (s.tender.stage === 'draft' || !s.invited) return refuse('TENDERING.NOT_INVITED', 'forbidden', `co-op ${s.coopId} is not invited to lot ${s.lot.reference}`);
  if (offer.madeAt.getTime() >= closeAt.getTime()) {
    return refuse('TENDERING.AFTER_DEADLINE', 'conflict', `the offer was made at ${offer.madeAt.toISOString()}, after offers closed at ${closeAt.toISOString()}`);
  }
  if (s.receivedAt.getTime() - closeAt.getTime() > MAX_LATE_DELIVERY_MS) {
    return refuse('TENDERING.AFTER_DEADLINE', 'conflict', `the offer arrived at ${s.receivedAt.toISOString()}, more than ${MAX_LATE_DELIVERY_MS / 3_600_000} hours after offers closed at ${closeAt.toISOString()}`);
  }
  if (s.tender.stage !== 'inviting' && s.tender.stage !== 'assembling') {
    return refuse('TENDERING.BID_SUBMITTED', 'conflict', `the consortium's bid was already ${s.tender.stage === 'submitted' ? 'submitted' : 'decided'}: an offer that arrives now cannot be counted`);
  }
  if (s.lot.status === 'split') {
    return refuse('TENDERING.LOT_CHANGED', 'conflict', `lot ${s.lot.reference} was split${s.lot.replacedBy.length ? ` into ${s.lot.replacedBy.join(', ')}` : ''}: offer on the new lots`);
  }
  if (offer.lotVersion > s.lot.version) return refuse('TENDERING.UNKNOWN_LOT_VERSION', 'invalid', `lot ${s.lot.reference} has no version ${offer.lotVersion} (it is at version ${s.lot.version})`);
  if (offer.lotVersion < s.lot.version) {
    return refuse('TENDERING.LOT_CHANGED', 'conflict', `the offer answers version ${offer.lotVersion} of lot ${s.lot.reference}, whose terms have changed since (now version ${s.lot.version}): offer again on the new terms`);
  }
  if (offer.hoursPerWeek > s.lot.hoursPerWeek) {
    return refuse('TENDERING.MORE_THAN_LOT', 'invalid', `hoursPerWeek ${offer.hoursPerWeek} is more than lot ${s.lot.reference} asks for (${s.lot.hoursPerWeek} hours a week)`);
  }
  if (offer.hoursPerWeek > 0 && offer.pricePencePerHour > s.lot.ceilingPencePerHour) {
    return refuse('TENDERING.ABOVE_CEILING', 'invalid', `pricePencePerHour ${pence(offer.pricePencePerHour)} is above lot ${s.lot.reference}'s ceiling of ${pence(s.lot.ceilingPencePerHour)} an hour`);
  }
  return null;
}
