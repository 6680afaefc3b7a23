import type { FieldError } from '@app/web';

/*
 * The time-credits page's words and shapes: minutes as the hours people read, a co-op's clearing
 * balance as owed or owing, the hours exchanged month by month, and the limit typed in hours as the
 * API's body in minutes. Co-ops only: the clearing never knows a person.
 */

/** What the limit's field says when refused, GOV.UK style (the API's bounds, 0 to 6,000,000 minutes, in hours). */
export const LIMIT_MESSAGE = 'Enter the limit in hours, from 0 to 100,000, to the minute (for example 100 or 12.5)';

/** How many transfers a page of the staff's list shows. */
export const TRANSFERS_PAGE_SIZE = 25;

const DECIMAL = /^\d{1,9}(\.\d{1,6})?$/;

/**
 * The limit's field (hours, as people think of them) as the API's body (`limitMinutes`). Hours that
 * make whole minutes become them (12.5 → 750, despite 0.1 × 60 not being exactly 6 in floating point);
 * a fraction of a minute stays a fraction, and anything else typed (a negative, a word, `1e3`, which
 * the DTO's own conversion would read as a thousand) is not a number: the API's own DTO refuses both,
 * so the page can store nothing the API would not. Blank is left blank: the DTO says it is missing.
 */
export function limitBodyFromForm(form: Record<string, unknown>): Record<string, unknown> {
  const typed = typeof form.limitHours === 'string' ? form.limitHours.trim() : form.limitHours;
  if (typed === undefined || typed === '') return {};
  if (typeof typed !== 'string' || !DECIMAL.test(typed)) return { limitMinutes: Number.NaN };
  const minutes = Number(typed) * 60;
  const whole = Math.round(minutes);
  return { limitMinutes: Math.abs(minutes - whole) < 1e-6 ? whole : minutes };
}

/** The DTO's errors as the page names its field: the limit is typed in hours, in `limitHours`. */
export function limitFieldErrors(errors: readonly FieldError[]): FieldError[] {
  return errors.map((e) => ({ field: e.field === 'limitMinutes' ? 'limitHours' : e.field, text: e.text }));
}

/** Minutes as hours to two places, without trailing zeros: 90 → "1.5", 6000 → "100", 61 → "1.02". */
export function hoursFigure(minutes: number): string {
  return String(Math.round((minutes * 100) / 60) / 100);
}

/** Minutes as hours people read: "1.5 hours", "1 hour", "0 hours". */
export function hoursText(minutes: number): string {
  const figure = hoursFigure(minutes);
  return `${Number(figure).toLocaleString('en-GB', { maximumFractionDigits: 2 })} hour${figure === '1' ? '' : 's'}`;
}

export type Position = 'owes' | 'owed' | 'even';

/**
 * A co-op's net clearing balance as a page says it: negative, the co-op owes the consortium hours (its
 * members paid out more than they were paid); positive, it is owed; zero, even. Always in hours.
 */
export function clearingPosition(balanceMinutes: number): { position: Position; words: string; hours: string } {
  if (balanceMinutes < 0) return { position: 'owes', words: 'Owes', hours: hoursText(-balanceMinutes) };
  if (balanceMinutes > 0) return { position: 'owed', words: 'Is owed', hours: hoursText(balanceMinutes) };
  return { position: 'even', words: 'Even', hours: hoursText(0) };
}

/** How much of the limit a co-op has used, in whole percent (0 when it owes nothing; 100 at a limit of 0 with a debt). */
export function limitUsedPercent(balanceMinutes: number, limitMinutes: number): number {
  const owed = Math.max(0, -balanceMinutes);
  if (owed === 0) return 0;
  return limitMinutes === 0 ? 100 : Math.round((owed * 100) / limitMinutes);
}

/** A month's hours between co-ops, as the API counts them (completed payments by payer, payee and month). */
export interface Exchange {
  month: string;
  fromCoopId: string;
  toCoopId: string;
  transfers: number;
  minutes: number;
}

/** Each month's hours exchanged in all, oldest first: the chart's bars (the pairs are in the table). */
export function monthlyTotals(exchanges: readonly Exchange[]): { month: string; minutes: number; transfers: number }[] {
  const byMonth = new Map<string, { minutes: number; transfers: number }>();
  for (const e of exchanges) {
    const month = byMonth.get(e.month) ?? { minutes: 0, transfers: 0 };
    byMonth.set(e.month, { minutes: month.minutes + e.minutes, transfers: month.transfers + e.transfers });
  }
  return [...byMonth].sort(([a], [b]) => a.localeCompare(b)).map(([month, totals]) => ({ month, ...totals }));
}

const TRANSFER_STATES: Record<string, { text: string; classes: string }> = {
  forwarded: { text: 'Under way', classes: 'govuk-tag--blue' },
  completed: { text: 'Completed', classes: 'govuk-tag--green' },
  reversed: { text: 'Given back', classes: 'govuk-tag--red' },
};

/** A transfer's state as the page tags it: under way (forwarded), completed, or given back (the receiving co-op refused it). */
export function transferState(status: string): { text: string; classes: string } {
  return TRANSFER_STATES[status] ?? { text: status, classes: 'govuk-tag--grey' };
}
