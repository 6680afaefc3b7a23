import { quarterOf, quarterPeriod } from '../index';

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
