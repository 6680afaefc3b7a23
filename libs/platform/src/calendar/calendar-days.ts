/**
 * Calendar arithmetic on days written YYYY-MM-DD, in UTC so a clock change never moves a day. Domain
 * rules on both apps count periods with these (twelve months of leavers, a pool's figures), so the
 * hub and the nodes agree on what "twelve months before" means, and agree with PostgreSQL's
 * `date - interval 'N months'`.
 */

/** The day `months` months before `day`, the day of the month kept where that month has it, else its last day. */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const index = y * 12 + (m - 1) - months;
  const [year, month] = [Math.floor(index / 12), (index % 12) + 1];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return isoDay(Date.UTC(year, month - 1, Math.min(d, last)));
}

/** The day `days` days after `day` (before it when negative). */
export function addDays(day: string, days: number): string {
  return isoDay(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000);
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
