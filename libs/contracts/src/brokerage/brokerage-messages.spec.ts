import { checkAgainst } from '../validation';
import { BrokerageAnswerMadeV1 } from './answer-made.v1';
import { COUNCIL_REFERENCE_PATTERN, notePersonalDataProblem } from './brokerage-vocabulary';
import { BrokeragePackageAcceptedV1 } from './package-accepted.v1';
import { BrokeragePackageRequestedV1 } from './package-requested.v1';

const REQUESTED = {
  requestId: '2b7c1f7e-8a0e-4a57-9d0e-5f3c7c1d2a10',
  locality: 'Marsden',
  serviceTypes: ['personal-care'],
  hoursPerWeek: 14,
  visitPattern: { visitsPerDay: 4, daysPerWeek: 7, timesOfDay: ['morning', 'lunchtime', 'teatime', 'evening'], carersPerVisit: 1 },
  startsOn: '2027-03-02',
  fundingType: 'council-commissioned',
  postedAt: '2027-03-01T09:00:00.000Z',
};

describe('brokerage messages', () => {
  it('accepts a package request with the terms only', () => {
    expect(checkAgainst(BrokeragePackageRequestedV1, REQUESTED)).toMatchObject({ ok: true });
  });

  it('refuses any field beyond the terms, such as a name, and names the field', () => {
    expect(checkAgainst(BrokeragePackageRequestedV1, { ...REQUESTED, fullName: 'Edith Crabtree' })).toEqual({
      ok: false,
      errors: ['fullName: property fullName should not exist'],
    });
    expect(checkAgainst(BrokeragePackageRequestedV1, { ...REQUESTED, councilReference: 'KC-2027-1' })).toMatchObject({ ok: false });
  });

  it('checks the visit pattern inside the request', () => {
    const bad = checkAgainst(BrokeragePackageRequestedV1, { ...REQUESTED, visitPattern: { ...REQUESTED.visitPattern, carersPerVisit: 3 } });
    expect(bad).toEqual({ ok: false, errors: ['visitPattern.carersPerVisit must not be greater than 2'] });
  });

  it('carries the council reference only in the placement, pattern-checked', () => {
    const placed = { ...REQUESTED, councilReference: 'KC-2027-00412', canStartOn: '2027-03-02', acceptedAt: '2027-03-01T09:10:00Z' };
    delete (placed as Partial<typeof placed>).postedAt;
    expect(checkAgainst(BrokeragePackageAcceptedV1, placed)).toMatchObject({ ok: true });
    expect(checkAgainst(BrokeragePackageAcceptedV1, { ...placed, councilReference: 'Mrs Crabtree' })).toMatchObject({ ok: false });
  });

  it('needs the offer fields for an offer and a reason for a decline', () => {
    const base = { requestId: REQUESTED.requestId, answeredAt: '2027-03-01T09:05:00Z' };
    expect(checkAgainst(BrokerageAnswerMadeV1, { ...base, answer: 'offer' })).toMatchObject({ ok: false });
    expect(checkAgainst(BrokerageAnswerMadeV1, { ...base, answer: 'decline' })).toMatchObject({ ok: false });
    expect(checkAgainst(BrokerageAnswerMadeV1, { ...base, answer: 'decline', declineReason: 'no-capacity' })).toMatchObject({ ok: true });
    expect(
      checkAgainst(BrokerageAnswerMadeV1, {
        ...base,
        answer: 'offer',
        canStartOn: '2027-03-02',
        timesOfDayCovered: ['morning'],
        daysPerWeekCovered: 7,
      }),
    ).toMatchObject({ ok: true });
  });

  it('refuses a note that holds a date, a postcode or a long number', () => {
    const base = { requestId: REQUESTED.requestId, answeredAt: '2027-03-01T09:05:00Z', answer: 'decline', declineReason: 'other' };
    expect(checkAgainst(BrokerageAnswerMadeV1, { ...base, note: 'Born 01/02/1940' })).toEqual({
      ok: false,
      errors: ['note must not hold a date'],
    });
    expect(checkAgainst(BrokerageAnswerMadeV1, { ...base, note: 'Round covers Marsden only' })).toMatchObject({ ok: true });
  });
});

describe('the council reference and the note', () => {
  it('takes references of capitals, digits, "/" and "-" with a digit', () => {
    for (const ok of ['KC-2027-00412', 'ASC/12345', '1234', 'K1-A']) expect(COUNCIL_REFERENCE_PATTERN.test(ok)).toBe(true);
    for (const bad of ['Edith Crabtree', 'ABCDEFG', 'kc-2027-1', 'A1', '-1234', 'KC 2027', 'K'.repeat(24) + '1'])
      expect(COUNCIL_REFERENCE_PATTERN.test(bad)).toBe(false);
  });

  it('finds dates, postcodes, NHS and phone numbers in a note', () => {
    expect(notePersonalDataProblem('seen on 2027-03-01')).toBe('note must not hold a date');
    expect(notePersonalDataProblem('lives at HD7 6AB')).toBe('note must not hold a postcode');
    expect(notePersonalDataProblem('NHS 943 476 5919')).toBe('note must not hold an NHS number, a phone number or any long number');
    expect(notePersonalDataProblem('call 01484 123456')).toBe('note must not hold an NHS number, a phone number or any long number');
    expect(notePersonalDataProblem('We can cover 4 visits a day from Monday')).toBeNull();
  });
});
