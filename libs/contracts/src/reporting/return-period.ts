/**
 * Return periods are calendar quarters named `YYYY-Qn`: Q1 is January to March, Q4 October to
 * December. Dates are 'YYYY-MM-DD', both ends included, in the co-op's calendar.
 */
export const QUARTER_LABEL_PATTERN = /^(20\d{2})-Q([1-4])$/;
export const QUARTER_LABEL_RULE = 'a calendar quarter written YYYY-Qn, e.g. 2026-Q3 (July to September 2026)';

export interface QuarterPeriod {
  label: string;
  /** First day, included. */
  start: string;
  /** Last day, included. */
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The quarter a label names, or null for anything that is not one. */
export function quarterPeriod(label: string): QuarterPeriod | null {
  const m = QUARTER_LABEL_PATTERN.exec(label);
  if (!m) return null;
  const year = Number(m[1]);
  const quarter = Number(m[2]);
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { label, start: `${year}-${pad(firstMonth)}-01`, end: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

/** The quarter a 'YYYY-MM-DD' day falls in (null outside the years a label can name). */
export function quarterOf(day: string): QuarterPeriod | null {
  const [year, month] = day.split('-').map(Number);
  return quarterPeriod(`${year}-Q${Math.floor((month - 1) / 3) + 1}`);
}
