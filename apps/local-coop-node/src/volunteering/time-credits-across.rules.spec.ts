import {
  incomingCodeViolation,
  outgoingViolation,
  payerViolation,
  paymentCodeExpiry,
  settlementStep,
  statusAfterHubAccepted,
  StoredCode,
} from './time-credits-across.rules';

const NOW = new Date('2026-03-02T10:00:00Z');
const code = (o: Partial<StoredCode> = {}): StoredCode => ({
  expiresAt: new Date('2026-03-05T10:00:00Z'),
  usedAt: null,
  transferId: null,
  payeeLeftOn: null,
  ...o,
});

describe('time credits across co-ops: the rules', () => {
  describe('a payment code', () => {
    it('expires the given number of hours after it was made', () => {
      expect(paymentCodeExpiry(NOW, 72).toISOString()).toBe('2026-03-05T10:00:00.000Z');
    });

    it('is accepted once, before it expires, for a member who has not left', () => {
      expect(incomingCodeViolation(code(), NOW)).toBeNull();
    });

    it('is refused when this co-op never made it', () => {
      expect(incomingCodeViolation(null, NOW)?.rule).toBe('TIMEBANK.CODE_UNKNOWN');
    });

    it('is refused once used, whatever its expiry', () => {
      const used = incomingCodeViolation(code({ usedAt: new Date('2026-03-01T09:00:00Z'), transferId: 'x' }), NOW);
      expect(used?.rule).toBe('TIMEBANK.CODE_USED');
      expect(used?.message).toContain('2026-03-01T09:00:00.000Z');
    });

    it('is refused at and after the moment it expires', () => {
      expect(incomingCodeViolation(code({ expiresAt: NOW }), NOW)?.rule).toBe('TIMEBANK.CODE_EXPIRED');
      expect(incomingCodeViolation(code({ expiresAt: new Date(NOW.getTime() - 1) }), NOW)?.rule).toBe('TIMEBANK.CODE_EXPIRED');
      expect(incomingCodeViolation(code({ expiresAt: new Date(NOW.getTime() + 1) }), NOW)).toBeNull();
    });

    it('is refused when its member has left, and the reason names nobody', () => {
      const left = incomingCodeViolation(code({ payeeLeftOn: '2026-02-01' }), NOW);
      expect(left?.rule).toBe('TIMEBANK.PAYEE_LEFT');
      expect(left?.message).not.toContain('2026-02-01');
    });
  });

  describe('who may pay', () => {
    it('lets the admin pay always', () => {
      expect(payerViolation('coop-admin', undefined)).toBeNull();
      expect(payerViolation('coop-admin', false)).toBeNull();
    });

    it('lets a member pay only when the rulebook says so', () => {
      expect(payerViolation('member', true)).toBeNull();
      expect(payerViolation('member', false)?.rule).toBe('TIMEBANK.MEMBERS_MAY_NOT_PAY');
      expect(payerViolation('member', undefined)?.message).toContain('membersMayPayAcrossCoops');
    });
  });

  describe('a payment to send', () => {
    const payer = { volunteerId: 'v1', leftOn: null };

    it('routes to the co-op the code names', () => {
      expect(outgoingViolation('holme-valley', 'colne-valley.7K3M9Q2XWV4T8R6P1N5H', payer)).toEqual({ toCoopId: 'colne-valley' });
    });

    it('is refused for text that is not a payment code, naming the field', () => {
      expect(outgoingViolation('holme-valley', 'colne-valley.nope', payer)).toMatchObject({
        rule: 'TIMEBANK.NOT_A_PAYMENT_CODE',
        message: expect.stringContaining('paymentCode'),
      });
    });

    it("is refused for one of this co-op's own codes", () => {
      expect(outgoingViolation('colne-valley', 'colne-valley.7K3M9Q2XWV4T8R6P1N5H', payer)).toMatchObject({
        rule: 'TIMEBANK.CODE_OF_THIS_COOP',
      });
    });

    it('is refused from a volunteer who left', () => {
      expect(
        outgoingViolation('holme-valley', 'colne-valley.7K3M9Q2XWV4T8R6P1N5H', { volunteerId: 'v1', leftOn: '2026-01-31' }),
      ).toMatchObject({
        rule: 'TIMEBANK.VOLUNTEER_LEFT',
      });
    });
  });

  describe("a transfer's states on the paying node", () => {
    it('moves from sent to forwarded when the hub accepts it, and never back', () => {
      expect(statusAfterHubAccepted('sent')).toBe('forwarded');
      for (const s of ['forwarded', 'completed', 'refused'] as const) expect(statusAfterHubAccepted(s)).toBeNull();
    });

    it('completes or gives back a transfer still under way', () => {
      for (const s of ['sent', 'forwarded'] as const) {
        expect(settlementStep(s, 'completed')).toBe('complete');
        expect(settlementStep(s, 'refused')).toBe('give-back');
      }
    });

    it('does nothing when the same ending comes again', () => {
      expect(settlementStep('completed', 'completed')).toBe('nothing');
      expect(settlementStep('refused', 'refused')).toBe('nothing');
    });

    it('refuses an ending that contradicts the one recorded: never both completed and given back', () => {
      expect(settlementStep('completed', 'refused')).toMatchObject({ rule: 'TIMEBANK.TRANSFER_ALREADY_SETTLED' });
      expect(settlementStep('refused', 'completed')).toMatchObject({ rule: 'TIMEBANK.TRANSFER_ALREADY_SETTLED' });
    });
  });
});
