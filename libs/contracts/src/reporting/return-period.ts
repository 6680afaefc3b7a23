/**
 * Return periods, each named by a label a person reads. One parser for both apps: the hub checks a
 * cycle's label with it, the node works out the dates it counts from it, and `validateReturn` checks
 * that a return's dates are its label's. Dates are 'YYYY-MM-DD', both ends included, in the co-op's
 * calendar. A council's financial year runs from 1 April to 31 March (as every English council's
 * does), so its first quarter is April to June.
 *
 * | type         | label       | from       | to         |
 * | ------------ | ----------- | ---------- | ---------- |
 * | `month`      | `2026-05`    | 2026-05-01 | 2026-05-31 |
 * | `quarter`    | `2026-Q2`    | 2026-04-01 | 2026-06-30 |
 * | `fy-quarter` | `2026/27-Q1` | 2026-04-01 | 2026-06-30 |
 * | `year`       | `2026`       | 2026-01-01 | 2026-12-31 |
 * | `fy-year`    | `2026/27`    | 2026-04-01 | 2027-03-31 |
 *
 * A calendar quarter and a financial-year quarter can cover the same months (2026-Q2 and
 * 2026/27-Q1): they are different periods by name, because a council reports in one or the other.
 */
export const PERIOD_TYPES = ['month', 'quarter', 'fy-quarter', 'year', 'fy-year'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

/** How each period type is written, for messages and the definitions page. */
export const PERIOD_TYPE_RULES: Readonly<Record<PeriodType, string>> = Object.freeze({
  month: 'a calendar month written YYYY-MM, e.g. 2026-05 (May 2026)',
  quarter: 'a calendar quarter written YYYY-Qn, e.g. 2026-Q3 (July to September 2026)',
  'fy-quarter': 'a quarter of the financial year (April to March) written YYYY/YY-Qn, e.g. 2026/27-Q1 (April to June 2026)',
  year: 'a calendar year written YYYY, e.g. 2026',
  'fy-year': 'a financial year (1 April to 31 March) written YYYY/YY, e.g. 2026/27 (April 2026 to March 2027)',
});

/** Every label any period type can take; `parsePeriod` then checks what the pattern cannot (a financial year's second year). */
export const PERIOD_LABEL_PATTERN = /^20\d{2}(?:-(?:0[1-9]|1[0-2])|-Q[1-4]|\/\d{2}(?:-Q[1-4])?)?$/;
export const PERIOD_LABEL_RULE =
  'a month (2026-05), a calendar quarter (2026-Q3), a quarter of the financial year April to March (2026/27-Q1: April to June 2026), ' +
  'a calendar year (2026) or a financial year (2026/27: April 2026 to March 2027)';

export const QUARTER_LABEL_PATTERN = /^(20\d{2})-Q([1-4])$/;
export const QUARTER_LABEL_RULE = PERIOD_TYPE_RULES.quarter;

export interface ReturnPeriod {
  label: string;
  /** First day, included. */
  start: string;
  /** Last day, included. */
  end: string;
}

/** The name the return code has always used for a period. */
export type QuarterPeriod = ReturnPeriod;

export interface ParsedPeriod extends ReturnPeriod {
  readonly type: PeriodType;
  /** Days in the period, both ends included (a leap February has 29). */
  readonly days: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const DAY_MS = 86_400_000;

/** The months `first`..`last` of `year` (1-based; months of the next year are 13, 14, 15). */
function months(label: string, type: PeriodType, year: number, first: number, last: number): ParsedPeriod {
  const [startYear, startMonth] = [year + Math.floor((first - 1) / 12), ((first - 1) % 12) + 1];
  const [endYear, endMonth] = [year + Math.floor((last - 1) / 12), ((last - 1) % 12) + 1];
  const start = `${startYear}-${pad(startMonth)}-01`;
  const end = `${endYear}-${pad(endMonth)}-${pad(lastDayOf(endYear, endMonth))}`;
  const days = Math.round((Date.parse(end) - Date.parse(start)) / DAY_MS) + 1;
  return { label, type, start, end, days };
}

/** The period a label names, or null for anything that is not one. */
export function parsePeriod(label: string): ParsedPeriod | null {
  if (typeof label !== 'string' || !PERIOD_LABEL_PATTERN.test(label)) return null;
  const year = Number(label.slice(0, 4));
  const rest = label.slice(4);
  if (rest === '') return months(label, 'year', year, 1, 12);
  if (rest.startsWith('-Q')) {
    const q = Number(rest.slice(2));
    return months(label, 'quarter', year, (q - 1) * 3 + 1, q * 3);
  }
  if (rest.startsWith('-')) {
    const month = Number(rest.slice(1));
    return months(label, 'month', year, month, month);
  }
  // A financial year: its second year is the first one's next, written with two digits (2026/27; 2099/00).
  if (Number(rest.slice(1, 3)) !== (year + 1) % 100) return null;
  if (rest.length === 3) return months(label, 'fy-year', year, 4, 15);
  const q = Number(rest.slice(5));
  return months(label, 'fy-quarter', year, q * 3 + 1, q * 3 + 3);
}

/** A period's type, label and dates stripped to what travels in a message. */
export function plainPeriod(p: ReturnPeriod): ReturnPeriod {
  return { label: p.label, start: p.start, end: p.end };
}

/** The period of a type that a 'YYYY-MM-DD' day falls in (null outside the years a label can name). */
export function periodOf(type: PeriodType, day: string): ParsedPeriod | null {
  const [year, month] = day.split('-').map(Number);
  const fyStart = month >= 4 ? year : year - 1;
  switch (type) {
    case 'month':
      return parsePeriod(`${year}-${pad(month)}`);
    case 'quarter':
      return parsePeriod(`${year}-Q${Math.floor((month - 1) / 3) + 1}`);
    case 'fy-quarter':
      return parsePeriod(`${fyStart}/${pad((fyStart + 1) % 100)}-Q${Math.floor(((month + 8) % 12) / 3) + 1}`);
    case 'year':
      return parsePeriod(String(year));
    case 'fy-year':
      return parsePeriod(`${fyStart}/${pad((fyStart + 1) % 100)}`);
  }
}

/** The quarter a label names, or null for anything that is not one. */
export function quarterPeriod(label: string): QuarterPeriod | null {
  const p = parsePeriod(label);
  return p?.type === 'quarter' ? plainPeriod(p) : null;
}

/** The quarter a 'YYYY-MM-DD' day falls in (null outside the years a label can name). */
export function quarterOf(day: string): QuarterPeriod | null {
  const p = periodOf('quarter', day);
  return p ? plainPeriod(p) : null;
}
