import { madeAt, madeInTimeFor, MAX_CLOCK_AHEAD_MS } from '@app/federation/made-at.rules';

import type { TenderStage } from './tender-stage.rules';

/**
 * How far ahead of the hub's clock a node's signed `occurredAt` may be: the shared rule of
 * libs/federation (`madeAt`). A time ahead by less is taken as the moment the offer arrived, so an
 * offer that reached the hub before the deadline counts even when a fast clock stamped it a little
 * after; one further ahead is refused outright, so the node's admin hears about it.
 */
export const MAX_CLOCK_SKEW_MS = MAX_CLOCK_AHEAD_MS;

/**
 * How long after offers close an offer made before the close may still arrive and count: a node
 * that lost its link just before the deadline sends its outbox when it is back. After this, or once
 * the bid has been submitted, it is refused whatever time it claims (a co-op signs its own time, so
 * this is what bounds a backdated offer; see `madeInTimeFor`).
 */
export const MAX_LATE_DELIVERY_MS = 24 * 60 * 60_000;

export interface OfferSituation {
  tender: { stage: TenderStage; deadline: Date; offersClosedAt: Date | null };
  lot: {
    reference: string;
    status: 'open' | 'split';
    version: number;
    hoursPerWeek: number;
    ceilingPencePerHour: number;
    replacedBy: string[];
    /** The lot's own deadline, at or before the tender's; null: the tender's. */
    deadline: Date | null;
  };
  /** The co-op holds a live invitation to this lot. */
  invited: boolean;
  coopId: string;
  receivedAt: Date;
}

export interface OfferTerms {
  lotVersion: number;
  hoursPerWeek: number;
  pricePencePerHour: number;
  /** The node's signed time of the offer (the envelope's occurredAt), as it claims it. */
  occurredAt: string | Date;
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

export type OfferJudgement = { counts: true; madeAt: Date } | { counts: false; refusal: OfferRefusal };

/**
 * Whether the hub takes an offer, and if not, why, in words the co-op's admin can act on; if it
 * does, the time it counts as made, which is what the hub stores. Time is judged by when the co-op
 * made the offer (its signed time, through the shared `madeAt` rule: a clock slightly ahead is taken
 * as the arrival time, one far ahead is refused), not when it arrived, within the late-delivery limit
 * above. A 0-hour offer withdraws the co-op's offer and is judged by the same rules of time.
 */
export function judgeOffer(s: OfferSituation, offer: OfferTerms): OfferJudgement {
  const made = madeAt(offer.occurredAt, s.receivedAt, MAX_CLOCK_SKEW_MS);
  if (!made.ok) return { counts: false, refusal: refuse('TENDERING.CLOCK_SKEW', 'invalid', `${made.reason}: check the node's clock`) };
  const refusal = refusalAt(s, offer, made.at);
  return refusal ? { counts: false, refusal } : { counts: true, madeAt: made.at };
}

/** The refusal alone, or null when the offer counts (see `judgeOffer`). */
export function offerRefusal(s: OfferSituation, offer: OfferTerms): OfferRefusal | null {
  const judged = judgeOffer(s, offer);
  return judged.counts ? null : judged.refusal;
}

/** When offers on the lot close: the tender's close, or the lot's own deadline if that is earlier. */
export function lotOffersCloseAt(s: Pick<OfferSituation, 'tender' | 'lot'>): { at: Date; byLot: boolean } {
  const tender = offersCloseAt(s.tender);
  return s.lot.deadline && s.lot.deadline < tender ? { at: s.lot.deadline, byLot: true } : { at: tender, byLot: false };
}

function refusalAt(s: OfferSituation, offer: OfferTerms, at: Date): OfferRefusal | null {
  const close = lotOffersCloseAt(s);
  const closeAt = close.at;
  const closed = close.byLot ? `offers on lot ${s.lot.reference} closed at its deadline` : 'offers closed at';
  if (s.tender.stage === 'cancelled') return refuse('TENDERING.TENDER_CANCELLED', 'conflict', 'the tender was cancelled');
  if (s.tender.stage === 'draft' || !s.invited)
    return refuse('TENDERING.NOT_INVITED', 'forbidden', `co-op ${s.coopId} is not invited to lot ${s.lot.reference}`);
  if (!madeInTimeFor(closeAt, at, s.receivedAt, MAX_LATE_DELIVERY_MS)) {
    if (at.getTime() >= closeAt.getTime()) {
      return refuse(
        'TENDERING.AFTER_DEADLINE',
        'conflict',
        `the offer was made at ${at.toISOString()}, after ${closed} ${closeAt.toISOString()}`,
      );
    }
    return refuse(
      'TENDERING.AFTER_DEADLINE',
      'conflict',
      `the offer arrived at ${s.receivedAt.toISOString()}, more than ${MAX_LATE_DELIVERY_MS / 3_600_000} hours after ${closed} ${closeAt.toISOString()}`,
    );
  }
  if (s.tender.stage !== 'inviting' && s.tender.stage !== 'assembling') {
    return refuse(
      'TENDERING.BID_SUBMITTED',
      'conflict',
      `the consortium's bid was already ${s.tender.stage === 'submitted' ? 'submitted' : 'decided'}: an offer that arrives now cannot be counted`,
    );
  }
  if (s.lot.status === 'split') {
    return refuse(
      'TENDERING.LOT_CHANGED',
      'conflict',
      `lot ${s.lot.reference} was split${s.lot.replacedBy.length ? ` into ${s.lot.replacedBy.join(', ')}` : ''}: offer on the new lots`,
    );
  }
  if (offer.lotVersion > s.lot.version)
    return refuse(
      'TENDERING.UNKNOWN_LOT_VERSION',
      'invalid',
      `lot ${s.lot.reference} has no version ${offer.lotVersion} (it is at version ${s.lot.version})`,
    );
  if (offer.lotVersion < s.lot.version) {
    return refuse(
      'TENDERING.LOT_CHANGED',
      'conflict',
      `the offer answers version ${offer.lotVersion} of lot ${s.lot.reference}, whose terms have changed since (now version ${s.lot.version}): offer again on the new terms`,
    );
  }
  if (offer.hoursPerWeek > s.lot.hoursPerWeek) {
    return refuse(
      'TENDERING.MORE_THAN_LOT',
      'invalid',
      `hoursPerWeek ${offer.hoursPerWeek} is more than lot ${s.lot.reference} asks for (${s.lot.hoursPerWeek} hours a week)`,
    );
  }
  if (offer.hoursPerWeek > 0 && offer.pricePencePerHour > s.lot.ceilingPencePerHour) {
    return refuse(
      'TENDERING.ABOVE_CEILING',
      'invalid',
      `pricePencePerHour ${pence(offer.pricePencePerHour)} is above lot ${s.lot.reference}'s ceiling of ${pence(s.lot.ceilingPencePerHour)} an hour`,
    );
  }
  return null;
}
