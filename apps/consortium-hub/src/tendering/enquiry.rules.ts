import { madeAt, MAX_CLOCK_AHEAD_MS } from '@app/federation/made-at.rules';

import type { TenderStage } from './tender-stage.rules';

/**
 * The enquiry period, as UK clarification practice and Prozorro run it: while it is open, an invited
 * co-op may ask a question about the tender (or one of its lots) from its node; staff answer on the
 * hub, and the question with its answer goes to every invited co-op, the asker not named, and to any
 * co-op invited later. The period ends before the tender's deadline, so every co-op has the answers
 * in time to offer.
 */
export interface EnquiryPeriod {
  startDate: Date | null;
  endDate: Date;
}

export interface EnquiryRuleViolation {
  rule: string;
  message: string;
  kind: 'invalid' | 'conflict' | 'forbidden';
}

const violation = (rule: string, kind: EnquiryRuleViolation['kind'], message: string): EnquiryRuleViolation => ({ rule, kind, message });

/** A tender's enquiry period must end in the future and before its deadline, and start before it ends. */
export function enquiryPeriodProblem(period: EnquiryPeriod | null, deadline: Date, now: Date): EnquiryRuleViolation | null {
  if (!period) return null;
  if (period.endDate <= now) return violation('TENDERING.ENQUIRY_PERIOD', 'invalid', 'enquiryPeriod.endDate must be in the future');
  if (period.endDate >= deadline)
    return violation(
      'TENDERING.ENQUIRY_PERIOD',
      'invalid',
      `enquiryPeriod.endDate ${period.endDate.toISOString()} must be before the deadline ${deadline.toISOString()}`,
    );
  if (period.startDate && period.startDate >= period.endDate)
    return violation('TENDERING.ENQUIRY_PERIOD', 'invalid', 'enquiryPeriod.startDate must be before its endDate');
  return null;
}

export interface EnquirySituation {
  tender: { stage: TenderStage; enquiryStartsAt: Date | null; enquiryEndsAt: Date | null; invitedAt: Date | null };
  /** The co-op holds a live invitation to some lot of the tender (to the lot asked about, if one is named). */
  invited: boolean;
  coopId: string;
  receivedAt: Date;
}

export type EnquiryJudgement = { accepted: true; askedAt: Date } | { accepted: false; refusal: EnquiryRuleViolation };

/**
 * Whether the hub takes a question, judged by when the co-op asked it (its signed time, under the
 * shared clock rule), and if so the time it counts as asked. A question asked in time that reaches the
 * hub after the period ended (a node offline for a while) still counts: its answer reaches everyone.
 */
export function judgeEnquiry(s: EnquirySituation, occurredAt: string | Date): EnquiryJudgement {
  const made = madeAt(occurredAt, s.receivedAt, MAX_CLOCK_AHEAD_MS);
  if (!made.ok) return { accepted: false, refusal: violation('TENDERING.CLOCK_SKEW', 'invalid', `${made.reason}: check the node's clock`) };
  const refusal = enquiryRefusal(s, made.at);
  return refusal ? { accepted: false, refusal } : { accepted: true, askedAt: made.at };
}

function enquiryRefusal(s: EnquirySituation, at: Date): EnquiryRuleViolation | null {
  const t = s.tender;
  if (t.stage === 'cancelled') return violation('TENDERING.TENDER_CANCELLED', 'conflict', 'the tender was cancelled');
  if (t.stage === 'draft' || !s.invited)
    return violation('TENDERING.NOT_INVITED', 'forbidden', `co-op ${s.coopId} is not invited to this tender`);
  if (!t.enquiryEndsAt)
    return violation('TENDERING.NO_ENQUIRY_PERIOD', 'conflict', 'this tender has no enquiry period: it takes no questions');
  const opens = t.enquiryStartsAt ?? t.invitedAt;
  if (opens && at < opens)
    return violation('TENDERING.ENQUIRY_PERIOD_NOT_OPEN', 'conflict', `the enquiry period opens at ${opens.toISOString()}`);
  if (at >= t.enquiryEndsAt)
    return violation(
      'TENDERING.ENQUIRY_PERIOD_OVER',
      'conflict',
      `the question was asked at ${at.toISOString()}, after the enquiry period ended at ${t.enquiryEndsAt.toISOString()}`,
    );
  return null;
}

/** Staff answer a question once, while the tender is not yet decided; the answer cannot be changed once shared. */
export function answerRefusal(stage: TenderStage, answered: boolean): EnquiryRuleViolation | null {
  if (answered) return violation('TENDERING.ALREADY_ANSWERED', 'conflict', 'this question was already answered and the answer shared');
  if (!['inviting', 'assembling', 'submitted'].includes(stage))
    return violation('TENDERING.ENQUIRY_CLOSED', 'conflict', `a tender that is ${stage} takes no more answers`);
  return null;
}
