import { madeInTimeFor, MAX_CLOCK_AHEAD_MS } from '@app/federation/made-at.rules';
import { ukOffsetMinutes } from '@app/platform/calendar/working-days';

/**
 * Sign-off and locking of return cycles, as commissioners know them from DHIS2: consortium staff
 * approve each co-op's current return or send it back with a comment; a cycle locks a set number of
 * days after its due date; after that only a staff-granted exception, or a send-back, lets a co-op
 * submit again. Pure rules: the use cases read the facts and act on the verdict.
 */

export type ReviewDecision = 'approved' | 'sent-back';
/** A co-op's return as staff see it: not yet reviewed, approved, or sent back. */
export type ReviewState = 'pending' | ReviewDecision;

export interface LatestReview {
  readonly decision: ReviewDecision;
  readonly reviewedAt: Date;
}

export const DEFAULT_LOCK_AFTER_DAYS = 14;
export const MAX_LOCK_AFTER_DAYS = 90;

/**
 * When a cycle locks: `lockAfterDays` calendar days after it is due (the consortium's calendar days), at
 * the same time of day on the UK's clock (a return due at 17:00 on 20 October with 14 days locks at 17:00 on 3 November,
 * although the clocks went back in between). 0 days locks it when it is due.
 */
export function lockTime(dueAt: Date, lockAfterDays: number): Date {
  if (!Number.isInteger(lockAfterDays) || lockAfterDays < 0 || lockAfterDays > MAX_LOCK_AFTER_DAYS) {
    throw new RangeError(`lockAfterDays must be a whole number from 0 to ${MAX_LOCK_AFTER_DAYS}, not ${lockAfterDays}`);
  }
  const naive = new Date(dueAt.getTime() + lockAfterDays * 86_400_000);
  return new Date(naive.getTime() + (ukOffsetMinutes(dueAt) - ukOffsetMinutes(naive)) * 60_000);
}

/** Locked from the lock time on: a return made exactly then is too late. */
export function isLocked(at: Date, locksAt: Date): boolean {
  return at.getTime() >= locksAt.getTime();
}

/** The state of a co-op's current return: null when it has none, pending until someone reviews it. */
export function reviewStateOf(hasCurrent: boolean, latest: LatestReview | null): ReviewState | null {
  if (!hasCurrent) return null;
  return latest?.decision ?? 'pending';
}

/**
 * How long after the lock (or after the end of a co-op's exception) a return that says it was made
 * before it may still arrive and be taken on its word. 72 hours covers a node that went offline on a
 * Friday afternoon and came back on Monday, or after a bank-holiday weekend; it is short enough that the
 * lock means something, since a node signs its own time and could otherwise backdate a return weeks
 * after the lock. A return arriving later needs a staff exception, or a send-back, whatever it claims.
 */
export const LATE_ARRIVAL_GRACE_HOURS = 72;
export const LATE_ARRIVAL_GRACE_MS = LATE_ARRIVAL_GRACE_HOURS * 3_600_000;

/**
 * How far before the cycle opened a return may say it was made: a node's clock running a little behind
 * the hub's, on a return made as soon as the request arrived. The same allowance the hub gives a clock
 * running ahead; it lets nothing past the lock, which is days later.
 */
export const OPENED_CLOCK_ALLOWANCE_MS = MAX_CLOCK_AHEAD_MS;

/** A return that said it was made before a deadline, but arrived too long after it for that to count. */
export interface ArrivedTooLate {
  /** The deadline it claimed to beat: the lock, or the end of the co-op's exception (the later one it claimed). */
  readonly claimedBefore: Date;
  readonly madeAt: Date;
  readonly receivedAt: Date;
  readonly graceHours: number;
}

export type SubmissionRefusal =
  | { readonly kind: 'made-before-opened'; readonly madeAt: Date; readonly openedAt: Date }
  | { readonly kind: 'approved'; readonly approvedAt: Date }
  | {
      readonly kind: 'locked';
      readonly locksAt: Date;
      readonly exceptionEndedAt: Date | null;
      readonly arrivedTooLate: ArrivedTooLate | null;
    };

/**
 * Whether the hub takes a co-op's return, made at `madeAt` (see `madeAt` in libs/federation) and
 * received at `receivedAt` (the hub's own clock).
 * - A return cannot have been made before the hub asked for it: one made before the cycle opened
 *   (beyond OPENED_CLOCK_ALLOWANCE_MS) is refused, so a backdated time has a floor.
 * - An approved current return is frozen: staff must send it back first, so the figures
 *   commissioners were shown cannot change under them.
 * - A return made before the lock is taken if it arrives by the lock plus LATE_ARRIVAL_GRACE_MS (a
 *   node that was offline at the lock); after that its claim no longer counts.
 * - Otherwise it is taken only when the co-op's current return was sent back (a send-back reopens the
 *   return for that co-op until it resubmits once: the new return has no review, so the door closes
 *   again), or while the co-op has an exception: made before the exception's end, and arriving by that
 *   end plus the same grace.
 */
export function submissionRefusal(facts: {
  readonly madeAt: Date;
  /** When the hub received the return, by its own clock. */
  readonly receivedAt: Date;
  /** When the cycle opened, by the hub's clock. */
  readonly openedAt: Date;
  readonly locksAt: Date;
  /** The latest review of the co-op's current return, if it has one. */
  readonly currentReview: LatestReview | null;
  /** The latest end among the co-op's exceptions for the cycle. */
  readonly exceptionUntil: Date | null;
}): SubmissionRefusal | null {
  const { madeAt, receivedAt, openedAt, locksAt, currentReview, exceptionUntil } = facts;
  if (madeAt.getTime() < openedAt.getTime() - OPENED_CLOCK_ALLOWANCE_MS) return { kind: 'made-before-opened', madeAt, openedAt };
  if (currentReview?.decision === 'approved') return { kind: 'approved', approvedAt: currentReview.reviewedAt };
  if (madeInTimeFor(locksAt, madeAt, receivedAt, LATE_ARRIVAL_GRACE_MS)) return null;
  if (currentReview?.decision === 'sent-back') return null;
  if (exceptionUntil && madeInTimeFor(exceptionUntil, madeAt, receivedAt, LATE_ARRIVAL_GRACE_MS)) return null;
  const claimed = [exceptionUntil, locksAt]
    .filter((d): d is Date => d !== null && madeAt.getTime() < d.getTime())
    .sort((a, b) => b.getTime() - a.getTime())[0];
  return {
    kind: 'locked',
    locksAt,
    exceptionEndedAt: exceptionUntil,
    arrivedTooLate: claimed ? { claimedBefore: claimed, madeAt, receivedAt, graceHours: LATE_ARRIVAL_GRACE_HOURS } : null,
  };
}

export type ReviewRefusal = 'no-current-return' | 'already-approved' | 'already-sent-back';

/**
 * Whether staff can make a decision on the co-op's current return. Approving an approved return, or
 * sending back one already sent back, is refused rather than repeated, so the history shows real
 * decisions only; approving a sent-back return (staff changed their mind) and sending back an
 * approved one (reopening it) are both allowed.
 */
export function reviewRefusal(decision: ReviewDecision, hasCurrent: boolean, latest: LatestReview | null): ReviewRefusal | null {
  if (!hasCurrent) return 'no-current-return';
  if (latest?.decision === decision) return decision === 'approved' ? 'already-approved' : 'already-sent-back';
  return null;
}
