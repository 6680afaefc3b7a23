import { availableMinutes, overdraftViolation, transferViolation } from './time-bank.rules';

const giver = { volunteerId: 'giver', leftOn: null };
const receiver = { volunteerId: 'receiver', leftOn: null };

describe('transfers between volunteers', () => {
  it('accepts a positive transfer between two active volunteers', () => {
    expect(transferViolation(receiver, giver, 60)).toBeNull();
  });

  it('refuses a transfer to oneself', () => {
    expect(transferViolation(giver, { ...giver }, 60)).toEqual({
      rule: 'TIMEBANK.SELF_TRANSFER',
      message: 'a volunteer cannot transfer credits to themselves',
    });
  });

  it.each([0, -30, 1.5, Number.NaN])('refuses %p minutes', (minutes) => {
    expect(transferViolation(receiver, giver, minutes)?.rule).toBe('TIMEBANK.MINUTES_NOT_POSITIVE');
  });

  it('refuses a payer or a payee who has left, naming which', () => {
    expect(transferViolation({ ...receiver, leftOn: '2026-01-31' }, giver, 60)).toEqual({
      rule: 'TIMEBANK.VOLUNTEER_LEFT',
      message: 'the paying volunteer receiver left on 2026-01-31',
    });
    expect(transferViolation(receiver, { ...giver, leftOn: '2026-01-31' }, 60)?.message).toBe(
      'the receiving volunteer giver left on 2026-01-31',
    );
  });
});

describe('the overdraft', () => {
  it('allows spending down to exactly minus the overdraft', () => {
    expect(overdraftViolation(60, 660, 600)).toBeNull();
    expect(overdraftViolation(-540, 60, 600)).toBeNull();
    expect(overdraftViolation(0, 0, 0)).toBeNull();
  });

  it('refuses one minute past the overdraft, saying what the balance would be and what is available', () => {
    expect(overdraftViolation(60, 661, 600)).toEqual({
      rule: 'TIMEBANK.OVERDRAFT_EXCEEDED',
      message: "the balance would be -601 minutes, below the rulebook's overdraft of -600 minutes (660 available)",
    });
  });

  it('refuses any spending below zero when the rulebook allows no overdraft', () => {
    expect(overdraftViolation(30, 31, 0)?.rule).toBe('TIMEBANK.OVERDRAFT_EXCEEDED');
    expect(overdraftViolation(30, 30, 0)).toBeNull();
  });

  it('refuses a volunteer already past a since-tightened overdraft any further spending', () => {
    expect(overdraftViolation(-500, 1, 300)?.rule).toBe('TIMEBANK.OVERDRAFT_EXCEEDED');
    expect(availableMinutes(-500, 300)).toBe(0);
  });

  it('counts what is available as the balance plus the overdraft', () => {
    expect(availableMinutes(90, 600)).toBe(690);
    expect(availableMinutes(-600, 600)).toBe(0);
  });
});
