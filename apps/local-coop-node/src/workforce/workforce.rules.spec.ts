import {
  contractViolation,
  disadvantagedWorkersCheck,
  isEmployedOn,
  leavingViolation,
  paidAtLeastRealLivingWage,
  percentOf,
  periodViolation,
  StaffFacts,
  trainingIsCurrent,
  vacancyClosingViolation,
  workforceFigures,
} from './workforce.rules';

const staff = (overrides: Partial<StaffFacts> = {}): StaffFacts => ({
  startedOn: '2026-01-01',
  leftOn: null,
  contractType: 'permanent',
  hourlyPayPence: 1345,
  ...overrides,
});

describe('employment', () => {
  it('counts someone as employed from their first day to their last day, both included', () => {
    const e = { startedOn: '2026-03-01', leftOn: '2026-06-30' };
    expect(isEmployedOn(e, '2026-02-28')).toBe(false);
    expect(isEmployedOn(e, '2026-03-01')).toBe(true);
    expect(isEmployedOn(e, '2026-06-30')).toBe(true);
    expect(isEmployedOn(e, '2026-07-01')).toBe(false);
    expect(isEmployedOn({ startedOn: '2026-03-01', leftOn: null }, '2099-01-01')).toBe(true);
  });

  it('refuses a leave date before the start date, and a second leaving', () => {
    expect(leavingViolation({ startedOn: '2026-03-01', leftOn: null }, '2026-02-28')?.rule).toBe('WORKFORCE.LEFT_BEFORE_START');
    expect(leavingViolation({ startedOn: '2026-03-01', leftOn: null }, '2026-03-01')).toBeNull();
    expect(leavingViolation({ startedOn: '2026-03-01', leftOn: '2026-04-01' }, '2026-05-01')?.rule).toBe('WORKFORCE.ALREADY_LEFT');
  });

  it('lets zero-hours and bank contracts guarantee no hours, but not a permanent one', () => {
    expect(contractViolation('zero-hours', 0)).toBeNull();
    expect(contractViolation('bank', 0)).toBeNull();
    expect(contractViolation('permanent', 0)?.rule).toBe('WORKFORCE.PERMANENT_WITHOUT_HOURS');
    expect(contractViolation('permanent', 1)).toBeNull();
  });
});

describe('pay against the Real Living Wage', () => {
  it('counts pay equal to the Real Living Wage as paying it', () => {
    expect(paidAtLeastRealLivingWage(1345, 1345)).toBe(true);
    expect(paidAtLeastRealLivingWage(1344, 1345)).toBe(false);
    expect(paidAtLeastRealLivingWage(1500, 1345)).toBe(true);
  });
});

describe('vacancies and training', () => {
  it('closes only an open vacancy, never before it opened', () => {
    expect(vacancyClosingViolation({ status: 'open', openedOn: '2026-05-01' }, '2026-05-01')).toBeNull();
    expect(vacancyClosingViolation({ status: 'open', openedOn: '2026-05-01' }, '2026-04-30')?.rule).toBe('WORKFORCE.CLOSED_BEFORE_OPENED');
    expect(vacancyClosingViolation({ status: 'filled', openedOn: '2026-05-01' }, '2026-06-01')?.rule).toBe(
      'WORKFORCE.VACANCY_ALREADY_CLOSED',
    );
    expect(vacancyClosingViolation({ status: 'withdrawn', openedOn: '2026-05-01' }, '2026-06-01')?.rule).toBe(
      'WORKFORCE.VACANCY_ALREADY_CLOSED',
    );
  });

  it('keeps training current up to its expiry date, and for ever without one', () => {
    expect(trainingIsCurrent({ completedOn: '2025-01-01', expiresOn: '2026-01-01' }, '2026-01-01')).toBe(true);
    expect(trainingIsCurrent({ completedOn: '2025-01-01', expiresOn: '2026-01-01' }, '2026-01-02')).toBe(false);
    expect(trainingIsCurrent({ completedOn: '2025-01-01', expiresOn: null }, '2040-01-01')).toBe(true);
  });
});

describe('workforce figures', () => {
  const period = { from: '2026-04-01', to: '2026-06-30' };

  it('measures headcount, contract mix and pay on the last day, starters and leavers within the period, turnover over twelve months', () => {
    const figures = workforceFigures(
      [
        staff({ startedOn: '2025-01-01' }),
        staff({ startedOn: '2025-01-01', contractType: 'zero-hours', hourlyPayPence: 1200 }),
        staff({ startedOn: '2026-04-01', contractType: 'bank' }),
        staff({ startedOn: '2026-06-30', contractType: 'zero-hours' }),
        staff({ startedOn: '2025-01-01', leftOn: '2026-04-01' }),
        staff({ startedOn: '2025-01-01', leftOn: '2026-06-30', contractType: 'zero-hours' }),
        staff({ startedOn: '2026-07-01' }),
        staff({ startedOn: '2024-01-01', leftOn: '2026-03-31' }),
        staff({ startedOn: '2024-01-01', leftOn: '2025-06-30' }),
        staff({ startedOn: '2024-01-01', leftOn: '2025-07-01', contractType: 'bank' }),
      ],
      period,
      1345,
      2,
    );
    expect(figures).toEqual({
      headcount: 5,
      headcountAtStart: 5,
      starters: 2,
      leavers: 2,
      // Left 2026-04-01, 2026-06-30 and 2026-03-31: not the one who left exactly twelve months before, nor bank staff.
      leaversLast12Months: 3,
      // Over the four permanent and zero-hours staff on the last day; the bank worker counts on neither side.
      turnoverPercent: 75,
      byContractType: { permanent: 1, 'zero-hours': 3, bank: 1 },
      onZeroHours: 3,
      zeroHoursPercent: 60,
      paidAtLeastRealLivingWage: 4,
      paidAtLeastRealLivingWagePercent: 80,
      openVacancies: 2,
      vacancyRatePercent: 28.6,
    });
  });

  it('gives no share, rather than zero, when nobody is employed', () => {
    const figures = workforceFigures([], period, 1345, 0);
    expect(figures).toMatchObject({
      headcount: 0,
      zeroHoursPercent: null,
      paidAtLeastRealLivingWagePercent: null,
      turnoverPercent: null,
      vacancyRatePercent: null,
    });
    expect(workforceFigures([], period, 1345, 1).vacancyRatePercent).toBe(100);
  });

  it('rounds shares to one decimal place', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(0, 0)).toBeNull();
  });

  it('refuses a period that ends before it starts', () => {
    expect(periodViolation({ from: '2026-05-01', to: '2026-04-30' })?.rule).toBe('WORKFORCE.PERIOD_INVERTED');
    expect(periodViolation({ from: '2026-05-01', to: '2026-05-01' })).toBeNull();
  });
});

describe('the Italian Type B rule: at least 30% of workers disadvantaged', () => {
  it('is met at exactly 30% and above', () => {
    expect(disadvantagedWorkersCheck(10, 3, 30)).toEqual({
      minimumPercent: 30,
      workers: 10,
      disadvantaged: 3,
      percent: 30,
      met: true,
      violation: null,
    });
    expect(disadvantagedWorkersCheck(3, 3, 30)).toMatchObject({ percent: 100, met: true });
  });

  it('compares exactly, not the rounded share: 2 of 7 is short, and says so with the figures', () => {
    expect(disadvantagedWorkersCheck(7, 2, 30)).toMatchObject({
      percent: 28.6,
      met: false,
      violation: {
        rule: 'WORKFORCE.DISADVANTAGED_WORKERS_SHORT',
        message: '2 of 7 workers (28.6%) are disadvantaged people; the rulebook needs at least 30%',
      },
    });
    expect(disadvantagedWorkersCheck(1000, 299, 30).met).toBe(false);
  });

  it('is not met when nobody is employed', () => {
    expect(disadvantagedWorkersCheck(0, 0, 30)).toMatchObject({
      percent: null,
      met: false,
      violation: { message: expect.stringContaining('nobody is employed') },
    });
  });

  it('has no verdict under a rulebook without the rule, but still gives the share', () => {
    expect(disadvantagedWorkersCheck(4, 1, null)).toEqual({
      minimumPercent: null,
      workers: 4,
      disadvantaged: 1,
      percent: 25,
      met: null,
      violation: null,
    });
  });
});
