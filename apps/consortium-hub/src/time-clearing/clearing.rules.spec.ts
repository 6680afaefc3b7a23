import { answerStep, clearingLimitViolation, clearingPositions, headroom, routeOf } from './clearing.rules';

const CODE = 'colne-valley.7K3M9Q2XWV4T8R6P1N5H';

describe('the clearing rules', () => {
  describe('routing a payment', () => {
    const statuses: Record<string, string> = { 'colne-valley': 'trading', 'holme-valley': 'registered', marsden: 'suspended' };
    const statusOf = (id: string) => statuses[id] ?? null;
    const holme = { id: 'holme-valley', status: 'registered' };

    it('goes to the co-op the code names', () => {
      expect(routeOf(holme, CODE, statusOf)).toEqual({ receivingCoopId: 'colne-valley' });
    });

    it('is refused for a code that is not one, naming the field', () => {
      expect(routeOf(holme, 'colne-valley.x', statusOf)).toMatchObject({
        rule: 'TIMECLEARING.NOT_A_PAYMENT_CODE',
        message: expect.stringContaining('paymentCode'),
      });
    });

    it("is refused for the paying co-op's own code", () => {
      expect(routeOf({ id: 'colne-valley', status: 'trading' }, CODE, statusOf)).toMatchObject({ rule: 'TIMECLEARING.OWN_COOP' });
    });

    it('is refused for a co-op the consortium does not know', () => {
      expect(routeOf(holme, 'slaithwaite.7K3M9Q2XWV4T8R6P1N5H', statusOf)).toMatchObject({
        rule: 'TIMECLEARING.UNKNOWN_COOP',
        message: expect.stringContaining('slaithwaite'),
      });
    });

    it('is refused to or from a co-op neither registered nor trading', () => {
      expect(routeOf(holme, 'marsden.7K3M9Q2XWV4T8R6P1N5H', statusOf)).toMatchObject({
        rule: 'TIMECLEARING.COOP_NOT_ACTIVE',
        message: expect.stringContaining('suspended'),
      });
      expect(routeOf({ id: 'holme-valley', status: 'left' }, CODE, statusOf)).toMatchObject({ rule: 'TIMECLEARING.COOP_NOT_ACTIVE' });
    });
  });

  describe('the clearing limit', () => {
    it('lets a co-op pay down to minus the limit, exactly', () => {
      expect(clearingLimitViolation('holme', 0, 600, 600)).toBeNull();
      expect(clearingLimitViolation('holme', -300, 300, 600)).toBeNull();
      expect(clearingLimitViolation('holme', 500, 1100, 600)).toBeNull();
    });

    it('refuses a minute beyond it, naming the limit in minutes and hours and what is left', () => {
      const refused = clearingLimitViolation('holme', -300, 301, 600);
      expect(refused?.rule).toBe('TIMECLEARING.LIMIT_REACHED');
      expect(refused?.message).toContain("the consortium's limit of 600 minutes (10 hours)");
      expect(refused?.message).toContain('300 minutes can still be paid');
      expect(refused?.message).toContain('holme');
    });

    it('refuses any payment from a co-op already at its limit, and a limit of nought stops all payments out', () => {
      expect(clearingLimitViolation('holme', -600, 1, 600)?.message).toContain('0 minutes can still be paid');
      expect(clearingLimitViolation('holme', 0, 1, 0)?.rule).toBe('TIMECLEARING.LIMIT_REACHED');
    });

    it('counts headroom from the balance, never below nought', () => {
      expect(headroom(0, 600)).toBe(600);
      expect(headroom(-200, 600)).toBe(400);
      expect(headroom(250, 600)).toBe(850);
      expect(headroom(-900, 600)).toBe(0);
    });
  });

  describe("a receiving node's answer", () => {
    it('completes or reverses a forwarded payment, and changes nothing after', () => {
      expect(answerStep('forwarded', 'applied')).toBe('complete');
      expect(answerStep('forwarded', 'rejected')).toBe('reverse');
      for (const status of ['completed', 'reversed'] as const)
        for (const outcome of ['applied', 'rejected'] as const) expect(answerStep(status, outcome)).toBe('nothing');
    });
  });

  describe("the ledger's balances", () => {
    it('gives each co-op its balance and headroom, summing to nought', () => {
      const entries = [
        { coopId: 'holme', minutes: -90 },
        { coopId: 'colne', minutes: 90 },
        { coopId: 'colne', minutes: -30 },
        { coopId: 'marsden', minutes: 30 },
        // a reversal of the first
        { coopId: 'holme', minutes: 90 },
        { coopId: 'colne', minutes: -90 },
      ];
      expect(clearingPositions(entries, 600)).toEqual({
        positions: [
          { coopId: 'colne', balanceMinutes: -30, headroomMinutes: 570 },
          { coopId: 'holme', balanceMinutes: 0, headroomMinutes: 600 },
          { coopId: 'marsden', balanceMinutes: 30, headroomMinutes: 630 },
        ],
        totalMinutes: 0,
        balanced: true,
      });
    });

    it('says when entries do not balance', () => {
      expect(clearingPositions([{ coopId: 'holme', minutes: -90 }], 600)).toMatchObject({ totalMinutes: -90, balanced: false });
    });

    it('is balanced and empty with no entries', () => {
      expect(clearingPositions([], 600)).toEqual({ positions: [], totalMinutes: 0, balanced: true });
    });
  });
});
