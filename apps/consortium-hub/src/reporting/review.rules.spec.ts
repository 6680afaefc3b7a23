import { isLocked, lockTime, reviewRefusal, reviewStateOf, submissionRefusal } from './review.rules';

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
  const locksAt = at('2026-11-14T17:00:00Z');
  const before = at('2026-11-14T16:00:00Z');
  const after = at('2026-11-20T09:00:00Z');
  const approved = { decision: 'approved' as const, reviewedAt: at('2026-11-02T10:00:00Z') };
  const sentBack = { decision: 'sent-back' as const, reviewedAt: at('2026-11-03T10:00:00Z') };

  it('takes a first return or a resubmission before the lock', () => {
    expect(submissionRefusal({ madeAt: before, locksAt, currentReview: null, exceptionUntil: null })).toBeNull();
  });

  it('refuses to replace an approved return, before or after the lock, saying when it was approved', () => {
    expect(submissionRefusal({ madeAt: before, locksAt, currentReview: approved, exceptionUntil: null })).toEqual({ kind: 'approved', approvedAt: approved.reviewedAt });
    expect(submissionRefusal({ madeAt: after, locksAt, currentReview: approved, exceptionUntil: at('2026-12-01T00:00:00Z') })).toEqual({ kind: 'approved', approvedAt: approved.reviewedAt });
  });

  it('takes a resubmission of a return sent back, even after the lock', () => {
    expect(submissionRefusal({ madeAt: before, locksAt, currentReview: sentBack, exceptionUntil: null })).toBeNull();
    expect(submissionRefusal({ madeAt: after, locksAt, currentReview: sentBack, exceptionUntil: null })).toBeNull();
  });

  it('refuses a return made after the lock, and one made at the lock time exactly', () => {
    expect(submissionRefusal({ madeAt: after, locksAt, currentReview: null, exceptionUntil: null })).toEqual({ kind: 'locked', locksAt, exceptionEndedAt: null });
    expect(submissionRefusal({ madeAt: locksAt, locksAt, currentReview: null, exceptionUntil: null })?.kind).toBe('locked');
  });

  it('refuses a return after the lock once the resubmission that followed a send-back is pending again', () => {
    expect(submissionRefusal({ madeAt: after, locksAt, currentReview: null, exceptionUntil: null })?.kind).toBe('locked');
  });

  it('takes a return made after the lock while an exception runs, and refuses one made after it ended', () => {
    const until = at('2026-11-21T00:00:00Z');
    expect(submissionRefusal({ madeAt: after, locksAt, currentReview: null, exceptionUntil: until })).toBeNull();
    expect(submissionRefusal({ madeAt: until, locksAt, currentReview: null, exceptionUntil: until })).toEqual({ kind: 'locked', locksAt, exceptionEndedAt: until });
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
