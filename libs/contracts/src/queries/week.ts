/**
 * Weeks for live questions: a week runs Monday to Sunday in the co-ops' calendar (Europe/London,
 * the care feature's zone), and is named by its Monday, 'YYYY-MM-DD'.
 */
export const WEEK_TIME_ZONE = 'Europe/London';
export const WEEK_START_RULE = 'a Monday, written YYYY-MM-DD (the first day of the week asked about)';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date (2026-02-30 is not) that falls on a Monday. */
export function isMonday(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DAY.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value && date.getUTCDay() === 1;
}

const CALENDAR = new Intl.DateTimeFormat('en-CA', { timeZone: WEEK_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Monday of the week an instant falls in, on the co-ops' calendar: "this week" for a question asked now. */
export function mondayOf(instant: Date): string {
  const parts = Object.fromEntries(CALENDAR.formatToParts(instant).map((p) => [p.type, p.value]));
  const day = new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}
