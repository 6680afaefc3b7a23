import { concernChangeViolation, ConcernState, concernViolation } from './safeguarding.rules';

const concern = (overrides: Partial<ConcernState> = {}): ConcernState => ({
  raisedOn: '2026-05-01',
  referredOn: null,
  outcome: 'open',
  closedOn: null,
  ...overrides,
});
const TODAY = '2026-06-01';

describe('a safeguarding concern', () => {
  it('accepts an open concern raised today or before, referred or not', () => {
    expect(concernViolation(concern(), TODAY)).toBeNull();
    expect(concernViolation(concern({ raisedOn: TODAY, referredOn: TODAY }), TODAY)).toBeNull();
    expect(concernViolation(concern({ referredOn: '2026-05-02' }), TODAY)).toBeNull();
  });

  it('refuses days ahead of today', () => {
    expect(concernViolation(concern({ raisedOn: '2026-06-02' }), TODAY)?.rule).toBe('CARE.SAFEGUARDING_IN_FUTURE');
    expect(concernViolation(concern({ referredOn: '2026-06-02' }), TODAY)?.rule).toBe('CARE.SAFEGUARDING_IN_FUTURE');
    expect(concernViolation(concern({ outcome: 'risk-removed', closedOn: '2026-06-02' }), TODAY)?.rule).toBe('CARE.SAFEGUARDING_IN_FUTURE');
  });

  it('refuses a referral or a closing before the concern was raised, and a closing before the referral', () => {
    expect(concernViolation(concern({ referredOn: '2026-04-30' }), TODAY)?.message).toContain('referredOn 2026-04-30 is before');
    expect(concernViolation(concern({ outcome: 'no-enquiry', closedOn: '2026-04-30' }), TODAY)?.message).toContain('closedOn 2026-04-30');
    expect(
      concernViolation(concern({ referredOn: '2026-05-10', outcome: 'risk-reduced', closedOn: '2026-05-09' }), TODAY)?.message,
    ).toContain('before the referral');
  });

  it('needs a closing day exactly when the outcome closes the concern', () => {
    expect(concernViolation(concern({ closedOn: '2026-05-03' }), TODAY)?.rule).toBe('CARE.SAFEGUARDING_DATES');
    expect(concernViolation(concern({ outcome: 'risk-remains' }), TODAY)?.message).toBe(
      'closedOn is required with the outcome risk-remains',
    );
    expect(concernViolation(concern({ outcome: 'risk-remains', closedOn: '2026-05-01' }), TODAY)).toBeNull();
  });

  it('keeps a closed concern final and a referral once made', () => {
    const closed = concern({ outcome: 'no-risk-identified', closedOn: '2026-05-20' });
    expect(concernChangeViolation(closed, { ...closed, outcome: 'risk-removed' })?.rule).toBe('CARE.SAFEGUARDING_CLOSED');
    const referred = concern({ referredOn: '2026-05-02' });
    expect(concernChangeViolation(referred, { ...referred, referredOn: null })?.rule).toBe('CARE.SAFEGUARDING_REFERRAL_MADE');
    expect(concernChangeViolation(referred, { ...referred, referredOn: '2026-05-03' })).toBeNull();
    expect(
      concernChangeViolation(concern(), concern({ referredOn: '2026-05-03', outcome: 'risk-reduced', closedOn: '2026-05-30' })),
    ).toBeNull();
  });
});
