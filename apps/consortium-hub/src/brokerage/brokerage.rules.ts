import { servesLocality, type ServiceType, type TimeOfDay } from '@app/contracts';

/*
 * Hospital-discharge brokerage on the hub: who is asked, whether an answer counts or is late, and
 * whether an offer may be accepted. Plain functions, so they read like the brokerage desk's rules.
 */

export type RequestStatus = 'open' | 'placed' | 'closed' | 'expired';

/** Co-ops that can be asked at all: registered or trading (not proposed, forming, suspended or gone). */
export const ASKABLE_STATUSES: readonly string[] = ['registered', 'trading'];

export interface CoopForBrokerage {
  id: string;
  status: string;
  localities: readonly string[];
  servicesOffered: readonly string[];
  lastHeartbeatAt: Date | null;
}

export interface WhoIsAsked {
  /** Online now, serving the locality and offering every service asked for: sent the request. */
  asked: string[];
  /** Would have been asked but their node is not online: not sent it (they are shown to the commissioner). */
  offline: { coopId: string; lastHeartbeatAt: Date | null }[];
}

/**
 * Every co-op that serves the request's locality and offers all its services is a candidate; of
 * those, the ones whose node is online now (a heartbeat within the registry's timeout) are asked.
 * Online is judged on the wall clock, as heartbeats are stamped, not the rules' Clock. A package is
 * placed whole with one co-op, so a co-op that offers only some of its services is not asked.
 */
export function whoIsAsked(
  request: { locality: string; serviceTypes: readonly ServiceType[] },
  coops: readonly CoopForBrokerage[],
  wallNow: Date,
  heartbeatTimeoutMs: number,
): WhoIsAsked {
  const fits = coops
    .filter((c) => ASKABLE_STATUSES.includes(c.status))
    .filter((c) => servesLocality(c.localities, request.locality))
    .filter((c) => request.serviceTypes.every((s) => c.servicesOffered.includes(s)))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const online = (c: CoopForBrokerage) => !!c.lastHeartbeatAt && wallNow.getTime() - c.lastHeartbeatAt.getTime() <= heartbeatTimeoutMs;
  return {
    asked: fits.filter(online).map((c) => c.id),
    offline: fits.filter((c) => !online(c)).map((c) => ({ coopId: c.id, lastHeartbeatAt: c.lastHeartbeatAt })),
  };
}

export interface Refusal {
  rule: string;
  message: string;
  kind: 'invalid' | 'conflict' | 'not-found';
  details?: Record<string, unknown>;
}

const refuse = (rule: string, kind: Refusal['kind'], message: string, details?: Record<string, unknown>): Refusal => ({
  rule,
  kind,
  message,
  ...(details ? { details } : {}),
});

export interface RequestState {
  status: RequestStatus;
  answerBy: Date | null;
  timesOfDay: readonly TimeOfDay[];
  daysPerWeek: number;
  acceptedCoopId: string | null;
}

export interface AnswerArriving {
  answer: 'offer' | 'decline';
  timesOfDayCovered?: readonly TimeOfDay[];
  daysPerWeekCovered?: number;
}

/**
 * Whether a co-op's answer is taken, and whether it is late. Only a co-op asked may answer, once;
 * an offer may cover only visits the request has. An answer after the request was placed, closed or
 * expired, or after its deadline, is still recorded (the commissioner sees it) but as late, and the
 * co-op is told the request is gone.
 */
export function judgeAnswer(
  request: RequestState,
  coop: { asked: boolean; answeredBefore: boolean; coopId: string },
  answer: AnswerArriving,
  receivedAt: Date,
): { late: boolean } | Refusal {
  if (!coop.asked) return refuse('BROKERAGE.NOT_ASKED', 'conflict', `${coop.coopId} was not asked about this request`);
  if (coop.answeredBefore) return refuse('BROKERAGE.ALREADY_ANSWERED', 'conflict', `${coop.coopId} has already answered this request`);
  if (answer.answer === 'offer') {
    const extra = (answer.timesOfDayCovered ?? []).filter((t) => !request.timesOfDay.includes(t));
    if (extra.length)
      return refuse(
        'BROKERAGE.OFFER_OUTSIDE_REQUEST',
        'invalid',
        `timesOfDayCovered names ${extra.join(', ')}, which the request does not ask for`,
      );
    if ((answer.daysPerWeekCovered ?? 0) > request.daysPerWeek)
      return refuse(
        'BROKERAGE.OFFER_OUTSIDE_REQUEST',
        'invalid',
        `daysPerWeekCovered ${answer.daysPerWeekCovered} is more than the ${request.daysPerWeek} days a week asked for`,
      );
  }
  return { late: request.status !== 'open' || (request.answerBy !== null && receivedAt > request.answerBy) };
}

/** Whether a request is past its deadline for answers (and so expires, unless placed first). */
export function isPastDeadline(answerBy: Date | null, now: Date): boolean {
  return answerBy !== null && now >= answerBy;
}

/**
 * Whether this offer may be accepted now. The request must still be open (under its lock, so of two
 * acceptances racing the second sees the first's outcome and is refused naming it) and within its
 * deadline; the answer must be an offer to this request that came in time.
 */
export function acceptanceRefusal(
  request: RequestState & { id: string },
  answer: { requestId: string; kind: 'offer' | 'decline'; late: boolean; coopId: string } | undefined,
  now: Date,
): Refusal | null {
  if (!answer || answer.requestId !== request.id)
    return refuse('BROKERAGE.ANSWER_NOT_FOUND', 'not-found', 'answerId is not an answer to this request');
  if (request.status === 'placed')
    return refuse('BROKERAGE.ALREADY_PLACED', 'conflict', `the request was already placed with ${request.acceptedCoopId}`, {
      status: request.status,
      acceptedCoopId: request.acceptedCoopId,
    });
  if (request.status !== 'open')
    return refuse('BROKERAGE.NOT_OPEN', 'conflict', `the request is ${request.status}: no offer can be accepted`, {
      status: request.status,
    });
  if (isPastDeadline(request.answerBy, now))
    return refuse(
      'BROKERAGE.PAST_DEADLINE',
      'conflict',
      `the request's deadline ${request.answerBy!.toISOString()} has passed: it expires unplaced`,
      {
        status: request.status,
      },
    );
  if (answer.kind !== 'offer')
    return refuse('BROKERAGE.NOT_AN_OFFER', 'invalid', `${answer.coopId} declined this request: there is no offer to accept`);
  if (answer.late) return refuse('BROKERAGE.LATE_OFFER', 'conflict', `${answer.coopId}'s offer arrived late and cannot be accepted`);
  return null;
}

/** Whether a request may be closed unplaced now. */
export function closeRefusal(request: Pick<RequestState, 'status' | 'acceptedCoopId'>): Refusal | null {
  if (request.status === 'placed')
    return refuse('BROKERAGE.ALREADY_PLACED', 'conflict', `the request was already placed with ${request.acceptedCoopId}`, {
      status: request.status,
      acceptedCoopId: request.acceptedCoopId,
    });
  if (request.status !== 'open')
    return refuse('BROKERAGE.NOT_OPEN', 'conflict', `the request is ${request.status} already`, { status: request.status });
  return null;
}

/** Hours a week, to a tenth, as whole minutes (what the tables keep). */
export function minutesOf(hoursPerWeek: number): number {
  return Math.round(hoursPerWeek * 60);
}

/** Whole seconds from one moment to a later one (0 if the later one is not later). */
export function secondsBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 1000));
}
