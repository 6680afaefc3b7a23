import { addDays } from './calendar-days';

/**
 * Working days as the Procurement Act 2023 counts them (section 123): not a Saturday or Sunday, not
 * Christmas Day or Good Friday, and not a bank holiday in any part of the United Kingdom, so a day
 * that is a holiday only in Scotland or Northern Ireland is no working day either. Used for the
 * standstill (eight working days after an award decision), so the hub computes the same end date a
 * council's legal team would.
 *
 * The bank holidays are computed, not looked up: New Year's Day, Good Friday, Easter Monday, the
 * first and last Mondays of May, the last Monday of August, Christmas Day and Boxing Day, each
 * moved to the next free weekday when it falls at a weekend (the substitute day). The few years when
 * a proclamation moved or added a day are listed below. All dates are days written YYYY-MM-DD.
 */

/** Days proclaimed in particular years: holidays moved (from → to), and extra ones. */
const MOVED: Record<string, string> = {
  '2002-05-27': '2002-06-04', // Golden Jubilee
  '2012-05-28': '2012-06-04', // Diamond Jubilee
  '2020-05-04': '2020-05-08', // VE Day 75
  '2022-05-30': '2022-06-02', // Platinum Jubilee
};
const EXTRA = [
  '2002-06-03', // Golden Jubilee
  '2011-04-29', // a royal wedding
  '2012-06-05', // Diamond Jubilee
  '2022-06-03', // Platinum Jubilee
  '2022-09-19', // a state funeral
  '2023-05-08', // the Coronation
];

const dayOf = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
/** 0 Sunday … 6 Saturday. */
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
const isWeekend = (day: string) => weekday(day) === 0 || weekday(day) === 6;

/** Easter Sunday (Gregorian calendar; the anonymous algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const date = ((h + l - 7 * m + 114) % 31) + 1;
  return dayOf(year, month, date);
}

/** The first Monday of a month, or (last) the last one. */
function monday(year: number, month: number, which: 'first' | 'last'): string {
  if (which === 'first') {
    const first = dayOf(year, month, 1);
    return addDays(first, (8 - weekday(first)) % 7);
  }
  const last = dayOf(year, month + 1, 0);
  return addDays(last, -((weekday(last) + 6) % 7));
}

const cache = new Map<number, readonly string[]>();

/** The bank holidays of a year in England and Wales, in date order. */
export function bankHolidays(year: number): readonly string[] {
  const known = cache.get(year);
  if (known) return known;
  const sorted = withProclamations(year, englandAndWales(year));
  cache.set(year, sorted);
  return sorted;
}

/** A fixed-date holiday at a weekend (or on a day already a holiday) moves to the next free weekday. */
function substituteInto(taken: string[]): (day: string) => void {
  return (day) => {
    let d = day;
    while (isWeekend(d) || taken.includes(d)) d = addDays(d, 1);
    taken.push(d);
  };
}

function englandAndWales(year: number): string[] {
  const taken: string[] = [];
  const substitute = substituteInto(taken);
  substitute(dayOf(year, 1, 1));
  const easter = easterSunday(year);
  taken.push(addDays(easter, -2), addDays(easter, 1));
  taken.push(monday(year, 5, 'first'), monday(year, 5, 'last'), monday(year, 8, 'last'));
  substitute(dayOf(year, 12, 25));
  substitute(dayOf(year, 12, 26));
  return taken;
}

/**
 * Scotland: New Year's Day and 2 January, Good Friday, the first and last Mondays of May, the first
 * Monday of August, St Andrew's Day (30 November), Christmas Day and Boxing Day, with substitute days.
 */
function scotland(year: number): string[] {
  const taken: string[] = [];
  const substitute = substituteInto(taken);
  substitute(dayOf(year, 1, 1));
  substitute(dayOf(year, 1, 2));
  taken.push(addDays(easterSunday(year), -2));
  taken.push(monday(year, 5, 'first'), monday(year, 5, 'last'), monday(year, 8, 'first'));
  substitute(dayOf(year, 11, 30));
  substitute(dayOf(year, 12, 25));
  substitute(dayOf(year, 12, 26));
  return taken;
}

/** Northern Ireland: England and Wales's, with St Patrick's Day (17 March) and the Battle of the Boyne (12 July). */
function northernIreland(year: number): string[] {
  const taken = englandAndWales(year);
  const substitute = substituteInto(taken);
  substitute(dayOf(year, 3, 17));
  substitute(dayOf(year, 7, 12));
  return taken;
}

function withProclamations(year: number, days: readonly string[]): readonly string[] {
  const moved = days.map((d) => MOVED[d] ?? d);
  moved.push(...EXTRA.filter((d) => d.startsWith(`${year}-`)));
  return [...new Set(moved)].sort();
}

const ukCache = new Map<number, readonly string[]>();

/** Every day of a year that is a bank holiday in some part of the United Kingdom, in date order. */
export function ukBankHolidays(year: number): readonly string[] {
  const known = ukCache.get(year);
  if (known) return known;
  const all = withProclamations(year, [...englandAndWales(year), ...scotland(year), ...northernIreland(year)]);
  ukCache.set(year, all);
  return all;
}

/** A bank holiday in England and Wales. */
export function isBankHoliday(day: string): boolean {
  return bankHolidays(Number(day.slice(0, 4))).includes(day);
}

/** A weekday that is a bank holiday in no part of the United Kingdom (the Act's working day). */
export function isWorkingDay(day: string): boolean {
  return !isWeekend(day) && !ukBankHolidays(Number(day.slice(0, 4))).includes(day);
}

/**
 * The `n`th working day of a period that begins with `day` (counted as the first if it is itself a
 * working day), as the Procurement Act 2023 counts a standstill: "a period of eight working days
 * beginning with the day" the notice is published.
 */
export function nthWorkingDayFrom(day: string, n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`n must be a whole number of days, at least 1 (got ${n})`);
  let d = day;
  let count = isWorkingDay(d) ? 1 : 0;
  while (count < n) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) count++;
  }
  return d;
}

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function londonParts(at: Date): { day: string; minutes: number } {
  const p = Object.fromEntries(LONDON.formatToParts(at).map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, minutes: Number(p.hour) * 60 + Number(p.minute) };
}

/** The day it is in England at that instant (the UK's clock: GMT in winter, BST in summer). */
export function londonDay(at: Date): string {
  return londonParts(at).day;
}

const OFFSET_NAME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' });

/** Minutes the UK's clock is ahead of UTC at `instant` (0 in winter, 60 in summer). */
export function ukOffsetMinutes(instant: Date): number {
  const name = OFFSET_NAME.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name ?? '');
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
}

/**
 * SQL for the day it is in England now, for defaults and comparisons made inside PostgreSQL (whose
 * own `current_date` follows the server's time zone, UTC on ours): a member admitted at 00:30 BST is
 * admitted that day, not the day before.
 */
export const LONDON_TODAY_SQL = "(now() AT TIME ZONE 'Europe/London')::date";

/**
 * The instant a day in England begins (midnight by the UK's clock), e.g. 2027-07-01 begins at
 * 2027-06-30T23:00:00Z. The UK's clocks change at 01:00 UTC, never around midnight, so midnight is
 * always GMT or BST plain.
 */
export function londonMidnight(day: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  const { day: seen, minutes } = londonParts(utcMidnight);
  // At UTC midnight London reads 00:00 (GMT) or 01:00 the same day (BST).
  const offsetMinutes = seen === day ? minutes : 0;
  return new Date(utcMidnight.getTime() - offsetMinutes * 60_000);
}

/**
 * When a period of `n` working days beginning with the day of `from` (in England) ends: at midnight
 * at the end of its last working day, by the UK's clock.
 */
export function workingDaysPeriodEnd(from: Date, n: number): { lastDay: string; endsAt: Date } {
  const lastDay = nthWorkingDayFrom(londonDay(from), n);
  return { lastDay, endsAt: londonMidnight(addDays(lastDay, 1)) };
}
