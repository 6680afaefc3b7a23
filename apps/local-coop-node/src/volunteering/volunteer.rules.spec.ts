import { activityDateViolation, departureViolation, paidWorkViolation, periodViolation } from './volunteer.rules';

const TODAY = '2026-03-15';
const active = { joinedOn: '2025-06-01', leftOn: null };
const left = { joinedOn: '2025-06-01', leftOn: '2026-01-31' };

describe('dates of hours and expenses', () => {
  it.each([
    ['the day they joined', active, '2025-06-01'],
    ['today', active, TODAY],
    ['the day they left', left, '2026-01-31'],
    ['a day before they left, recorded late', left, '2025-12-24'],
  ])('accepts %s', (_what, period, on) => {
    expect(activityDateViolation(period, on, TODAY, 'hours')).toBeNull();
  });

  it('refuses a date in the future', () => {
    expect(activityDateViolation(active, '2026-03-16', TODAY, 'hours')).toEqual({
      rule: 'VOLUNTEERING.DATE_IN_FUTURE',
      message: 'hours on 2026-03-16 is in the future',
    });
  });

  it('refuses a date before joining', () => {
    expect(activityDateViolation(active, '2025-05-31', TODAY, 'an expense')?.rule).toBe('VOLUNTEERING.DATE_BEFORE_JOINING');
  });

  it('refuses a date after leaving', () => {
    expect(activityDateViolation(left, '2026-02-01', TODAY, 'hours')).toEqual({
      rule: 'VOLUNTEERING.DATE_AFTER_LEAVING',
      message: 'hours on 2026-02-01 is after the volunteer left on 2026-01-31',
    });
  });
});

describe('leaving', () => {
  it('accepts leaving today or on any day since joining', () => {
    expect(departureViolation(active, TODAY, TODAY)).toBeNull();
    expect(departureViolation(active, '2025-06-01', TODAY)).toBeNull();
  });

  it('refuses a second departure, a future one and one before joining', () => {
    expect(departureViolation(left, TODAY, TODAY)?.rule).toBe('VOLUNTEERING.ALREADY_LEFT');
    expect(departureViolation(active, '2026-04-01', TODAY)?.rule).toBe('VOLUNTEERING.DATE_IN_FUTURE');
    expect(departureViolation(active, '2025-01-01', TODAY)?.rule).toBe('VOLUNTEERING.DATE_BEFORE_JOINING');
  });
});

describe('the volunteer-to-paid pathway', () => {
  it('records a move into paid work from the day of joining onwards, future start dates included', () => {
    expect(paidWorkViolation({ joinedOn: '2025-06-01', movedIntoPaidWorkOn: null }, '2025-06-01')).toBeNull();
    expect(paidWorkViolation({ joinedOn: '2025-06-01', movedIntoPaidWorkOn: null }, '2027-01-04')).toBeNull();
  });

  it('refuses a second record and a start before joining', () => {
    expect(paidWorkViolation({ joinedOn: '2025-06-01', movedIntoPaidWorkOn: '2025-09-01' }, '2025-10-01')?.rule).toBe(
      'VOLUNTEERING.ALREADY_IN_PAID_WORK',
    );
    expect(paidWorkViolation({ joinedOn: '2025-06-01', movedIntoPaidWorkOn: null }, '2025-05-01')?.rule).toBe(
      'VOLUNTEERING.DATE_BEFORE_JOINING',
    );
  });
});

describe('reporting periods', () => {
  it('accepts open, one-day and ordered periods and refuses an inverted one', () => {
    expect(periodViolation(undefined, undefined)).toBeNull();
    expect(periodViolation('2026-01-01', undefined)).toBeNull();
    expect(periodViolation('2026-01-01', '2026-01-01')).toBeNull();
    expect(periodViolation('2026-02-01', '2026-01-31')).toEqual({
      rule: 'VOLUNTEERING.PERIOD_INVERTED',
      message: 'from (2026-02-01) is after to (2026-01-31)',
    });
  });
});
