import type { TimeOfDay } from '@app/contracts';

/*
 * The co-op's side of brokerage: where a request stands here, and whether the admin's answer can go.
 * Pure functions, so they test without a database.
 */

export type NodeRequestStatus = 'open' | 'answered' | 'gone' | 'placed';

/** A request is placed here once the hub's placement arrived, gone once told so, answered once answered, else open. */
export function nodeRequestStatus(s: { placed: boolean; gone: boolean; answered: boolean }): NodeRequestStatus {
  if (s.placed) return 'placed';
  if (s.gone) return 'gone';
  return s.answered ? 'answered' : 'open';
}

export interface AnswerProblem {
  rule: string;
  message: string;
  kind: 'invalid' | 'conflict';
}

export interface AnswerGiven {
  answer: 'offer' | 'decline';
  canStartOn?: string;
  timesOfDayCovered?: readonly TimeOfDay[];
  daysPerWeekCovered?: number;
}

/**
 * Whether this answer may be sent: one answer per request, none once the request is gone or placed,
 * and an offer may cover only visits the request asks for. A request past its deadline may still be
 * answered: the hub records the answer as late and says so, which tells the commissioner more than
 * silence would.
 */
export function answerProblem(
  status: NodeRequestStatus,
  request: { timesOfDay: readonly TimeOfDay[]; daysPerWeek: number },
  given: AnswerGiven,
): AnswerProblem | null {
  if (status === 'placed')
    return { rule: 'BROKERAGE.ALREADY_PLACED', kind: 'conflict', message: 'the package was already placed with this co-op' };
  if (status === 'gone')
    return { rule: 'BROKERAGE.REQUEST_GONE', kind: 'conflict', message: 'the request is gone: placed elsewhere, closed or expired' };
  if (status === 'answered')
    return { rule: 'BROKERAGE.ALREADY_ANSWERED', kind: 'conflict', message: 'this co-op has already answered the request' };
  if (given.answer === 'decline') return null;
  const extra = (given.timesOfDayCovered ?? []).filter((t) => !request.timesOfDay.includes(t));
  if (extra.length)
    return {
      rule: 'BROKERAGE.OFFER_OUTSIDE_REQUEST',
      kind: 'invalid',
      message: `timesOfDayCovered names ${extra.join(', ')}, which the request does not ask for`,
    };
  if ((given.daysPerWeekCovered ?? 0) > request.daysPerWeek)
    return {
      rule: 'BROKERAGE.OFFER_OUTSIDE_REQUEST',
      kind: 'invalid',
      message: `daysPerWeekCovered ${given.daysPerWeekCovered} is more than the ${request.daysPerWeek} days a week asked for`,
    };
  return null;
}
