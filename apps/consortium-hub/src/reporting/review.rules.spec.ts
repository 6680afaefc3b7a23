import {
  isLocked,
  LATE_ARRIVAL_GRACE_HOURS,
  LATE_ARRIVAL_GRACE_MS,
  LatestReview,
  lockTime,
  OPENED_CLOCK_ALLOWANCE_MS,
  reviewRefusal,
  reviewStateOf,
  submissionRefusal,
} from './review.rules';

const at = (iso: string) => new Date(iso);

describe('lockTime', () => {
  it('locks the given number of days after the due date, at the same time of day', () => {
    expect(lockTime(at('2026-01-31T17:00:00Z'), 14)).toEqual(at('2026-02-14T17:00:00Z'));
    expect(lockTime(at('2026-07-31T16:00:00Z'), 14)).toEqual(at('2026-08-14T16:00:00Z'));
  });

  it('keeps the consortium clock time across the autumn change (17:00 BST to 17:00 GMT)', () => {
    expect(lockTime(at('2026-10-20T16:00:00Z'), 14)).toEqual(at('2026-11-03T17:00:00Z'));
  });

  it('keeps the consortium clock time across the spring change (17:00 GMT to 17:00 BST)', () => {
    expect(lockTime(at('2026-03-20T17:00:00Z'), 14)).toEqual(at('2026-04-03T16:00:00Z'));
  });

  it('locks at the due time itself with 0 days', () => {
    expect(lockTime(at('2026-10-31T17:00:00Z'), 0)).toEqual(at('2026-10-31T17:00:00Z'));
  });

  it('refuses a number of days outside 0 to 90', () => {
    expect(() => lockTime(at('2026-10-31T17:00:00Z'), -1)).toThrow(/0 to 90/);
    expect(() => lockTime(at('2026-10-31T17:00:00Z'), 91)).toThrow(/0 to 90/);
    expect(() => lockTime(at('2026-10-31T17:00:00Z'), 1.5)).toThrow(/whole number/);
  });
});

describe('isLocked', () => {
  const locksAt = at('2026-11-14T17:00:00Z');
  it('is open until the lock time and locked from it on', () => {
    expect(isLocked(at('2026-11-14T16:59:59.999Z'), locksAt)).toBe(false);
    expect(isLocked(locksAt, locksAt)).toBe(true);
  });
});

describe('reviewStateOf', () => {
  it('is null without a current return, pending before any review, else the latest decision', () => {
    expect(reviewStateOf(false, null)).toBeNull();
    expect(reviewStateOf(true, null)).toBe('pending');
    expect(reviewStateOf(true, { decision: 'sent-back', reviewedAt: at('2026-11-01T10:00:00Z') })).toBe('sent-back');
  });
});

describe('submissionRefusal', () => {
  const openedAt = at('2026-10-01T09:00:00Z');
  const locksAt = at('2026-11-14T17:00:00Z');
  const before = at('2026-11-14T16:00:00Z');
  const after = at('2026-11-20T09:00:00Z');
  const approved = { decision: 'approved' as const, reviewedAt: at('2026-11-02T10:00:00Z') };
  const sentBack = { decision: 'sent-back' as const, reviewedAt: at('2026-11-03T10:00:00Z') };
  const HOUR = 3_600_000;
  /** A return that arrives as it is made, unless `receivedAt` says otherwise. */
  const refusal = (f: { madeAt: Date; receivedAt?: Date; currentReview?: LatestReview | null; exceptionUntil?: Date | null }) =>
    submissionRefusal({ openedAt, locksAt, currentReview: null, exceptionUntil: null, receivedAt: f.madeAt, ...f });

  it('takes a first return or a resubmission before the lock', () => {
    expect(refusal({ madeAt: before })).toBeNull();
    expect(refusal({ madeAt: openedAt })).toBeNull();
  });

  it('refuses a return that says it was made before the cycle opened, naming both times, whatever else holds', () => {
    const backdated = at('2026-09-30T12:00:00Z');
    expect(refusal({ madeAt: backdated, receivedAt: before })).toEqual({ kind: 'made-before-opened', madeAt: backdated, openedAt });
    expect(
      refusal({ madeAt: backdated, receivedAt: after, currentReview: sentBack, exceptionUntil: at('2026-12-01T00:00:00Z') })?.kind,
    ).toBe('made-before-opened');
  });

  it("allows for a node clock a few minutes behind the hub's on a return made as the cycle opened", () => {
    expect(refusal({ madeAt: new Date(openedAt.getTime() - OPENED_CLOCK_ALLOWANCE_MS), receivedAt: openedAt })).toBeNull();
    expect(refusal({ madeAt: new Date(openedAt.getTime() - OPENED_CLOCK_ALLOWANCE_MS - 1), receivedAt: openedAt })?.kind).toBe(
      'made-before-opened',
    );
  });

  it('refuses to replace an approved return, before or after the lock, saying when it was approved', () => {
    expect(refusal({ madeAt: before, currentReview: approved })).toEqual({ kind: 'approved', approvedAt: approved.reviewedAt });
    expect(refusal({ madeAt: after, currentReview: approved, exceptionUntil: at('2026-12-01T00:00:00Z') })).toEqual({
      kind: 'approved',
      approvedAt: approved.reviewedAt,
    });
  });

  it('takes a resubmission of a return sent back, even after the lock', () => {
    expect(refusal({ madeAt: before, currentReview: sentBack })).toBeNull();
    expect(refusal({ madeAt: after, currentReview: sentBack })).toBeNull();
  });

  it('refuses a return made after the lock, and one made at the lock time exactly', () => {
    expect(refusal({ madeAt: after })).toEqual({ kind: 'locked', locksAt, exceptionEndedAt: null, arrivedTooLate: null });
    expect(refusal({ madeAt: locksAt })?.kind).toBe('locked');
  });

  it('refuses a return after the lock once the resubmission that followed a send-back is pending again', () => {
    expect(refusal({ madeAt: after })?.kind).toBe('locked');
  });

  it('takes a return made before the lock that arrives after it, up to the grace and no later', () => {
    expect(LATE_ARRIVAL_GRACE_HOURS).toBe(72);
    expect(refusal({ madeAt: before, receivedAt: at('2026-11-17T09:00:00Z') })).toBeNull();
    expect(refusal({ madeAt: before, receivedAt: new Date(locksAt.getTime() + LATE_ARRIVAL_GRACE_MS) })).toBeNull();
    const late = new Date(locksAt.getTime() + LATE_ARRIVAL_GRACE_MS + 1);
    expect(refusal({ madeAt: before, receivedAt: late })).toEqual({
      kind: 'locked',
      locksAt,
      exceptionEndedAt: null,
      arrivedTooLate: { claimedBefore: locksAt, madeAt: before, receivedAt: late, graceHours: 72 },
    });
  });

  it('lets a return that claims to be made before the lock but arrives after the grace in only with a send-back or an exception', () => {
    const late = at('2026-11-25T09:00:00Z');
    expect(refusal({ madeAt: before, receivedAt: late, currentReview: sentBack })).toBeNull();
    expect(refusal({ madeAt: before, receivedAt: late, exceptionUntil: at('2026-11-26T00:00:00Z') })).toBeNull();
  });

  it('takes a return made after the lock while an exception runs, and refuses one made after it ended', () => {
    const until = at('2026-11-21T00:00:00Z');
    expect(refusal({ madeAt: after, exceptionUntil: until })).toBeNull();
    expect(refusal({ madeAt: until, exceptionUntil: until })).toEqual({
      kind: 'locked',
      locksAt,
      exceptionEndedAt: until,
      arrivedTooLate: null,
    });
  });

  it("applies the same grace to an exception's end: made before it, arriving more than the grace after it, is refused", () => {
    const until = at('2026-11-21T00:00:00Z');
    const madeAt = new Date(until.getTime() - HOUR);
    expect(refusal({ madeAt, receivedAt: new Date(until.getTime() + LATE_ARRIVAL_GRACE_MS), exceptionUntil: until })).toBeNull();
    const late = new Date(until.getTime() + LATE_ARRIVAL_GRACE_MS + 1);
    expect(refusal({ madeAt, receivedAt: late, exceptionUntil: until })).toEqual({
      kind: 'locked',
      locksAt,
      exceptionEndedAt: until,
      arrivedTooLate: { claimedBefore: until, madeAt, receivedAt: late, graceHours: 72 },
    });
    // A claim to beat both the lock and the exception names the later of the two.
    expect(refusal({ madeAt: before, receivedAt: late, exceptionUntil: until })).toMatchObject({
      arrivedTooLate: { claimedBefore: until },
    });
  });
});

describe('reviewRefusal', () => {
  const approved = { decision: 'approved' as const, reviewedAt: at('2026-11-02T10:00:00Z') };
  const sentBack = { decision: 'sent-back' as const, reviewedAt: at('2026-11-03T10:00:00Z') };

  it('needs a current return', () => {
    expect(reviewRefusal('approved', false, null)).toBe('no-current-return');
    expect(reviewRefusal('sent-back', false, null)).toBe('no-current-return');
  });

  it('refuses repeating the decision already in force', () => {
    expect(reviewRefusal('approved', true, approved)).toBe('already-approved');
    expect(reviewRefusal('sent-back', true, sentBack)).toBe('already-sent-back');
  });

  it('allows a first decision, and changing one', () => {
    expect(reviewRefusal('approved', true, null)).toBeNull();
    expect(reviewRefusal('sent-back', true, null)).toBeNull();
    expect(reviewRefusal('approved', true, sentBack)).toBeNull();
    expect(reviewRefusal('sent-back', true, approved)).toBeNull();
  });
});
