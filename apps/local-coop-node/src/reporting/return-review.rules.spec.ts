import { isStaleReview, shownReviewState } from './return-review.rules';

const A = { messageId: 'a', messageSentAt: new Date('2026-11-01T09:00:00Z') };
const B = { messageId: 'b', messageSentAt: new Date('2026-11-05T09:00:00Z') };
const at = (iso: string) => new Date(iso);

describe('isStaleReview', () => {
  it('records the first review of a return', () => {
    expect(isStaleReview({ ...A, at: at('2026-11-02T10:00:00Z') }, null, false)).toBe(false);
  });

  it('ignores a review of a return the hub has since replaced with a later one', () => {
    expect(isStaleReview({ ...A, at: at('2026-11-02T10:00:00Z') }, null, true)).toBe(true);
  });

  it('records a review of a return although a later one is on its way or was refused', () => {
    expect(isStaleReview({ ...A, at: at('2026-11-06T10:00:00Z') }, null, false)).toBe(false);
  });

  it('ignores a review of an older return than the one already reviewed', () => {
    expect(isStaleReview({ ...A, at: at('2026-11-07T10:00:00Z') }, { ...B, at: at('2026-11-06T10:00:00Z') }, false)).toBe(true);
  });

  it('takes a review of a newer return over the one held', () => {
    expect(isStaleReview({ ...B, at: at('2026-11-06T10:00:00Z') }, { ...A, at: at('2026-11-02T10:00:00Z') }, false)).toBe(false);
  });

  it('keeps the later of two reviews of the same return, whichever arrives last', () => {
    const approval = { ...A, at: at('2026-11-02T10:00:00Z') };
    const sendBack = { ...A, at: at('2026-11-03T10:00:00Z') };
    expect(isStaleReview(approval, sendBack, false)).toBe(true);
    expect(isStaleReview(sendBack, approval, false)).toBe(false);
  });
});

describe('shownReviewState', () => {
  it('is null when nothing the hub could hold was sent', () => {
    expect(shownReviewState(null, null)).toBeNull();
  });

  it('is pending for a return not yet reviewed, including a resubmission after a send-back', () => {
    expect(shownReviewState('a', null)).toBe('pending');
    expect(shownReviewState('b', { messageId: 'a', state: 'sent-back' })).toBe('pending');
  });

  it('is the decision on the latest return the hub holds', () => {
    expect(shownReviewState('a', { messageId: 'a', state: 'approved' })).toBe('approved');
    expect(shownReviewState('a', { messageId: 'a', state: 'sent-back' })).toBe('sent-back');
  });
});
