import { madeAt, madeInTimeFor, MAX_CLOCK_AHEAD_MS } from '@app/federation/made-at.rules';

import type { RoundRuleViolation, RoundState } from './round-state.rules';

/**
 * When a co-op's commitment counts. The node stamps a commitment with its own clock when the admin
 * makes it (the signed envelope's occurredAt, repeated as the payload's committedAt); it counts if it
 * was made while the round was open and arrives within LATE_ARRIVAL_GRACE_MS of the close (a node
 * offline for hours sends it when it is back), and before the round is ordered. From the order on the
 * allocation is final, already sent to every co-op and to the supplier, so a late commitment is
 * refused with that reason.
 *
 * Node clocks drift. The shared `madeAt` rule refuses a time more than MAX_CLOCK_AHEAD_MS (5 minutes)
 * ahead of the hub's clock and takes a time less far ahead as the moment of arrival. Here, in addition,
 * a commitment stamped more than the same 5 minutes before the round opened is refused: the node cannot
 * have known of the round then. A time in the past is otherwise taken as it is, but a signature proves
 * only who made a commitment, not when: so a commitment arriving more than the grace after the close
 * is refused whatever time it claims (`madeInTimeFor`), and a node cannot backdate its way into a
 * round that closed days ago.
 */
export const CLOCK_SKEW_LIMIT_MS = MAX_CLOCK_AHEAD_MS;

/**
 * How long after a round closes a commitment made before the close may still arrive and count: a day,
 * enough for a co-op whose broadband was down to come back (the same as a late offer on a tender).
 * Staff usually order later than that; if they order sooner, the order ends it first.
 */
export const LATE_ARRIVAL_GRACE_MS = 24 * 60 * 60_000;

export interface CommitmentTiming {
  state: RoundState;
  openedAt: Date | null;
  /** The closing time set for the round. */
  closesAt: Date;
  /** When the round actually closed (earlier than closesAt if staff closed it by hand), once closed. */
  closedAt: Date | null;
  orderedAt: Date | null;
  /** The node's time in the signed envelope. */
  occurredAt: string;
  /** The hub's clock when the commitment arrives. */
  now: Date;
}

/** The instant from which commitments no longer count. */
export function commitmentDeadline(t: Pick<CommitmentTiming, 'closesAt' | 'closedAt'>): Date {
  return t.closedAt && t.closedAt < t.closesAt ? t.closedAt : t.closesAt;
}

export type CommitmentJudgement = { counts: true; madeAt: Date } | { counts: false; violation: RoundRuleViolation };

/** Whether a commitment counts, and the time it counts as made. */
export function judgeCommitment(t: CommitmentTiming): CommitmentJudgement {
  const made = madeAt(t.occurredAt, t.now, CLOCK_SKEW_LIMIT_MS);
  if (!made.ok) return refused('PURCHASING.CLOCK_SKEW', made.reason);
  const at = made.at;
  switch (t.state) {
    case 'draft':
      return refused('PURCHASING.ROUND_NOT_OPEN', 'the round is draft: it has not opened yet');
    case 'cancelled':
      return refused('PURCHASING.ROUND_CANCELLED', 'the round was cancelled');
    case 'ordered':
    case 'delivered':
      return refused(
        'PURCHASING.ALLOCATION_FINAL',
        `the round was ordered at ${t.orderedAt?.toISOString() ?? 'an earlier time'}: its allocation is final, so a commitment arriving now is refused even though it was made at ${at.toISOString()}`,
      );
  }
  if (t.openedAt && t.openedAt.getTime() - at.getTime() > CLOCK_SKEW_LIMIT_MS) {
    return refused(
      'PURCHASING.CLOCK_SKEW',
      `the commitment is stamped ${at.toISOString()}, before the round opened (${t.openedAt.toISOString()}) by more than ${CLOCK_SKEW_LIMIT_MS / 60_000} minutes: check the node's clock`,
    );
  }
  const deadline = commitmentDeadline(t);
  if (at >= deadline) {
    return refused(
      'PURCHASING.ROUND_CLOSED',
      `the round closed at ${deadline.toISOString()}; this commitment was made at ${at.toISOString()}, after the close`,
    );
  }
  if (!madeInTimeFor(deadline, at, t.now, LATE_ARRIVAL_GRACE_MS)) {
    return refused(
      'PURCHASING.ROUND_CLOSED',
      `the round closed at ${deadline.toISOString()}; this commitment arrived at ${t.now.toISOString()}, more than ${LATE_ARRIVAL_GRACE_MS / 3_600_000} hours after the close, so it is refused whatever time it claims (it says ${at.toISOString()})`,
    );
  }
  return { counts: true, madeAt: at };
}

/**
 * An amendment replaces the co-op's standing commitment only if it was made later: after a republish
 * an older commitment can arrive after a newer one, and must not undo it. Equal times keep the first.
 */
export function supersedes(incoming: Date, standing: Date | null): boolean {
  return standing === null || incoming > standing;
}

function refused(rule: string, message: string): CommitmentJudgement {
  return { counts: false, violation: { rule, message } };
}
