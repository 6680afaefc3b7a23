import { addDays, monthsBefore } from './calendar-days';

describe('calendar days', () => {
  it('counts months to the same day, or the last day of a shorter month, as PostgreSQL does', () => {
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2024-02-29', 12)).toBe('2023-02-28');
    expect(monthsBefore('2026-01-15', 13)).toBe('2024-12-15');
    expect(monthsBefore('2026-06-30', 12)).toBe('2025-06-30');
  });

  it('adds and takes away days across month and leap-year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
