import { canonicalLocality, purchaseViolation } from './node-purchase.rules';

describe("the co-op's own purchases", () => {
  const LOCALITIES = ['Marsden', 'Slaithwaite'];

  it('accepts a purchase made today or before, local to a locality the co-op serves or not local', () => {
    expect(purchaseViolation({ boughtOn: '2026-06-01', localTo: null }, '2026-06-01', LOCALITIES)).toBeNull();
    expect(purchaseViolation({ boughtOn: '2026-05-01', localTo: ' marsden ' }, '2026-06-01', LOCALITIES)).toBeNull();
  });

  it('refuses a purchase dated after today', () => {
    expect(purchaseViolation({ boughtOn: '2026-06-02', localTo: null }, '2026-06-01', LOCALITIES)).toMatchObject({
      rule: 'PURCHASING.PURCHASE_IN_FUTURE',
      message: 'boughtOn 2026-06-02 is after today (2026-06-01)',
    });
  });

  it('refuses a supplier "local" to a place the co-op does not serve', () => {
    expect(purchaseViolation({ boughtOn: '2026-05-01', localTo: 'Leeds' }, '2026-06-01', LOCALITIES)).toMatchObject({
      rule: 'PURCHASING.NOT_A_COOP_LOCALITY',
      message: expect.stringContaining('localTo Leeds'),
    });
  });

  it("names a locality as the co-op's profile spells it", () => {
    expect(canonicalLocality(LOCALITIES, '  SLAITHWAITE')).toBe('Slaithwaite');
  });
});
