import {
  bankHolidays,
  easterSunday,
  isWorkingDay,
  londonDay,
  londonMidnight,
  nthWorkingDayFrom,
  ukBankHolidays,
  workingDaysPeriodEnd,
} from './working-days';

describe('working days as the Procurement Act 2023 counts them', () => {
  it('finds Easter Sunday, including its earliest and latest dates', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2285)).toBe('2285-03-22');
  });

  // The lists published on GOV.UK (www.gov.uk/bank-holidays) for England and Wales.
  it.each([
    [2020, ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28']],
    [2021, ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28']],
    [2022, ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27']],
    [2023, ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26']],
    [2024, ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26']],
    [2025, ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26']],
    [2026, ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28']],
    [2027, ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28']],
    [2028, ['01-03', '04-14', '04-17', '05-01', '05-29', '08-28', '12-25', '12-26']],
  ])('gives the bank holidays of %i, substitute days included', (year, days) => {
    expect(bankHolidays(year)).toEqual(days.map((d) => `${year}-${d}`));
  });

  it('counts weekdays that are not bank holidays as working days', () => {
    expect(isWorkingDay('2027-03-25')).toBe(true); // Thursday before Easter
    expect(isWorkingDay('2027-03-26')).toBe(false); // Good Friday
    expect(isWorkingDay('2027-03-27')).toBe(false); // Saturday
    expect(isWorkingDay('2027-12-27')).toBe(false); // Christmas Day's substitute
  });

  it('counts a period of working days beginning with its first day, over weekends and bank holidays', () => {
    expect(nthWorkingDayFrom('2027-03-01', 1)).toBe('2027-03-01');
    expect(nthWorkingDayFrom('2027-03-01', 8)).toBe('2027-03-10'); // Monday: Monday week plus two
    // Wednesday before Easter: Good Friday and Easter Monday do not count.
    expect(nthWorkingDayFrom('2027-03-24', 8)).toBe('2027-04-06');
    // A Saturday is not the first day: the period begins on Monday.
    expect(nthWorkingDayFrom('2027-03-06', 1)).toBe('2027-03-08');
    // Over Christmas 2026: 25 and 28 December and 1 January are holidays, and 4 January in Scotland
    // (2 January falls on a Saturday there), which the Act counts as no working day either.
    expect(nthWorkingDayFrom('2026-12-23', 8)).toBe('2027-01-07');
    expect(() => nthWorkingDayFrom('2027-03-01', 0)).toThrow(RangeError);
  });

  it('ends a period at midnight by the UK clock: GMT in winter, BST in summer', () => {
    expect(londonMidnight('2027-01-15').toISOString()).toBe('2027-01-15T00:00:00.000Z');
    expect(londonMidnight('2027-07-01').toISOString()).toBe('2027-06-30T23:00:00.000Z');
    expect(londonMidnight('2027-03-28').toISOString()).toBe('2027-03-28T00:00:00.000Z'); // clocks go forward at 01:00 GMT
    expect(londonMidnight('2027-03-29').toISOString()).toBe('2027-03-28T23:00:00.000Z');
    expect(londonDay(new Date('2027-06-30T23:30:00Z'))).toBe('2027-07-01');
    expect(londonDay(new Date('2027-01-15T23:30:00Z'))).toBe('2027-01-15');
  });

  it("gives the end of the Procurement Act's eight working day standstill", () => {
    expect(workingDaysPeriodEnd(new Date('2027-03-24T10:00:00Z'), 8)).toEqual({
      lastDay: '2027-04-06',
      endsAt: new Date('2027-04-06T23:00:00Z'),
    });
    // Decided late on a Friday evening, UK time, in summer: that Friday is still the first day.
    // Monday 12 July 2027 is the Battle of the Boyne holiday in Northern Ireland: no working day.
    expect(workingDaysPeriodEnd(new Date('2027-07-02T22:30:00Z'), 8).lastDay).toBe('2027-07-14');
  });

  // The lists published on GOV.UK for Scotland and Northern Ireland, beside England and Wales's.
  it('takes a bank holiday in any part of the United Kingdom as no working day', () => {
    expect(ukBankHolidays(2027)).toEqual(
      [
        '01-01',
        '01-04', // Scotland: 2 January's substitute
        '03-17', // Northern Ireland: St Patrick's Day
        '03-26',
        '03-29',
        '05-03',
        '05-31',
        '07-12', // Northern Ireland: the Battle of the Boyne
        '08-02', // Scotland: the summer holiday
        '08-30',
        '11-30', // Scotland: St Andrew's Day
        '12-27',
        '12-28',
      ].map((d) => `2027-${d}`),
    );
    expect(bankHolidays(2027)).not.toContain('2027-03-17');
    for (const day of ['2027-03-17', '2027-07-12', '2027-08-02', '2027-11-30', '2027-01-04']) expect(isWorkingDay(day)).toBe(false);
    // 2025: St Andrew's Day is a Sunday, so Monday 1 December; 2026: the Boyne is a Sunday, so Monday 13 July.
    expect(ukBankHolidays(2025)).toEqual(expect.arrayContaining(['2025-12-01', '2025-01-02', '2025-03-17']));
    expect(ukBankHolidays(2026)).toEqual(expect.arrayContaining(['2026-07-13', '2026-01-02', '2026-03-17', '2026-08-03']));
  });
});
