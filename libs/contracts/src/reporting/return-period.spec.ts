import { parsePeriod, PERIOD_LABEL_PATTERN, periodOf, quarterOf, quarterPeriod } from '../index';

describe('quarterPeriod', () => {
  it.each([
    ['2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-Q2', '2026-04-01', '2026-06-30'],
    ['2026-Q3', '2026-07-01', '2026-09-30'],
    ['2026-Q4', '2026-10-01', '2026-12-31'],
  ])('names the calendar quarter %s, from %s to %s', (label, start, end) => {
    expect(quarterPeriod(label)).toEqual({ label, start, end });
  });

  it.each(['2026-Q5', '2026-Q0', '2026Q3', '26-Q3', '2026-q3', '1999-Q1', '2026-Q3 ', ''])('refuses %j', (label) => {
    expect(quarterPeriod(label)).toBeNull();
  });

  it('finds the quarter a day falls in, at both edges', () => {
    expect(quarterOf('2026-07-01')?.label).toBe('2026-Q3');
    expect(quarterOf('2026-09-30')?.label).toBe('2026-Q3');
    expect(quarterOf('2026-10-01')?.label).toBe('2026-Q4');
    expect(quarterOf('2027-01-01')?.label).toBe('2027-Q1');
  });
});

describe('parsePeriod: every kind of label', () => {
  it.each([
    ['2026-05', 'month', '2026-05-01', '2026-05-31', 31],
    ['2026-02', 'month', '2026-02-01', '2026-02-28', 28],
    ['2028-02', 'month', '2028-02-01', '2028-02-29', 29],
    ['2000-02', 'month', '2000-02-01', '2000-02-29', 29],
    ['2026-12', 'month', '2026-12-01', '2026-12-31', 31],
    ['2026-Q1', 'quarter', '2026-01-01', '2026-03-31', 90],
    ['2028-Q1', 'quarter', '2028-01-01', '2028-03-31', 91],
    ['2026/27-Q1', 'fy-quarter', '2026-04-01', '2026-06-30', 91],
    ['2026/27-Q2', 'fy-quarter', '2026-07-01', '2026-09-30', 92],
    ['2026/27-Q3', 'fy-quarter', '2026-10-01', '2026-12-31', 92],
    ['2026/27-Q4', 'fy-quarter', '2027-01-01', '2027-03-31', 90],
    ['2027/28-Q4', 'fy-quarter', '2028-01-01', '2028-03-31', 91],
    ['2026', 'year', '2026-01-01', '2026-12-31', 365],
    ['2028', 'year', '2028-01-01', '2028-12-31', 366],
    ['2026/27', 'fy-year', '2026-04-01', '2027-03-31', 365],
    ['2027/28', 'fy-year', '2027-04-01', '2028-03-31', 366],
    ['2099/00', 'fy-year', '2099-04-01', '2100-03-31', 365],
  ])('%s is a %s from %s to %s, %i days', (label, type, start, end, days) => {
    expect(parsePeriod(label)).toEqual({ label, type, start, end, days });
  });

  it.each([
    '2026-13',
    '2026-00',
    '2026-5',
    '2026/28',
    '2026/2027',
    '2026/26',
    '2026/27-Q5',
    '2026/27Q1',
    '2026-27',
    '26/27',
    '1999',
    '1999/00',
    '2026 ',
    'FY2026',
    '2026-Q2-01',
    '',
  ])('refuses %j', (label) => {
    expect(parsePeriod(label)).toBeNull();
  });

  it('refuses what is not text', () => {
    expect(parsePeriod(2026 as unknown as string)).toBeNull();
  });

  it('every label the pattern takes and the parser refuses is a financial year whose years do not follow', () => {
    expect(PERIOD_LABEL_PATTERN.test('2026/28')).toBe(true);
    expect(parsePeriod('2026/28')).toBeNull();
  });
});

describe('periodOf: the period of each kind a day falls in, at the financial year boundary', () => {
  it.each([
    ['2027-03-31', 'fy-quarter', '2026/27-Q4'],
    ['2027-04-01', 'fy-quarter', '2027/28-Q1'],
    ['2026-06-30', 'fy-quarter', '2026/27-Q1'],
    ['2026-07-01', 'fy-quarter', '2026/27-Q2'],
    ['2026-12-31', 'fy-quarter', '2026/27-Q3'],
    ['2027-03-31', 'fy-year', '2026/27'],
    ['2027-04-01', 'fy-year', '2027/28'],
    ['2028-02-29', 'month', '2028-02'],
    ['2026-12-31', 'year', '2026'],
    ['2026-12-31', 'quarter', '2026-Q4'],
  ] as const)('%s is in the %s %s', (day, type, label) => {
    const p = periodOf(type, day)!;
    expect(p.label).toBe(label);
    expect(p.start <= day && day <= p.end).toBe(true);
  });

  it('a calendar quarter and the financial-year quarter of the same months are different periods with the same days', () => {
    const [calendar, fy] = [parsePeriod('2026-Q2')!, parsePeriod('2026/27-Q1')!];
    expect([calendar.start, calendar.end]).toEqual([fy.start, fy.end]);
    expect(calendar.type).not.toBe(fy.type);
  });

  it('quarterPeriod names calendar quarters only', () => {
    expect(quarterPeriod('2026/27-Q1')).toBeNull();
    expect(quarterPeriod('2026-05')).toBeNull();
  });
});
