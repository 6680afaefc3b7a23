import type { ValidationError } from 'class-validator';

import { type FieldError, ukLocalToInstant } from '@app/web';

const MESSAGES: Record<string, Record<string, string>> = {
  comment: {
    isString: 'Enter a comment saying what the co-op should check',
    isLength: 'Enter a comment of 2000 characters or fewer saying what the co-op should check',
  },
  messageId: { isUuid: 'The return on this page is not recognised: reload the page and try again' },
};

/**
 * The API's validation errors of a review form (the same DTO), as field errors beside the fields of
 * one co-op's form: each field's id is `<field>-<coopId>`, so several co-ops' forms share a page.
 * An empty comment reads as a missing one, not as one of the wrong length.
 */
export function reviewFormErrors(errors: readonly ValidationError[], coopId: string, comment: unknown): FieldError[] {
  return errors.map((e) => {
    const blank = e.property === 'comment' && (typeof comment !== 'string' || comment.trim() === '');
    const constraint = blank ? 'isString' : Object.keys(e.constraints ?? {})[0];
    const text = MESSAGES[e.property]?.[constraint ?? ''] ?? `Check the ${e.property}`;
    return { field: `${e.property}-${coopId}`, text };
  });
}

/** A comment as staff typed it, trimmed; blank counts as none, so it fails the API's own rule (1–2000 characters). */
export function typedComment(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

const STATES: Record<string, string> = {
  submitted: 'Submitted',
  'submitted-late': 'Submitted late',
  awaited: 'Not answered yet',
  overdue: 'Overdue',
};
const REVIEWS: Record<string, string> = { pending: 'Awaiting review', approved: 'Approved', 'sent-back': 'Sent back' };

/** The words a page shows for a co-op's return state and its review state. */
export function returnStateLabel(state: string): string {
  return STATES[state] ?? state;
}

export function reviewLabel(review: string | null): string {
  return review ? (REVIEWS[review] ?? review) : 'No return';
}

/**
 * The body of POST /reporting/cycles/:id/coops/:coopId/exception as the page's form gives it: a date in
 * three boxes and a time (24-hour, UK time, as the cycle page shows every time; blank for the end of the
 * day) as the API's instant. A part missing or mistyped gives a value the API's own DTO refuses.
 */
export function exceptionBody(form: Record<string, unknown>): { until?: string; reason?: string } {
  const part = (name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : '');
  const [day, month, year, time] = ['until-day', 'until-month', 'until-year', 'until-time'].map(part);
  const reason = part('reason');
  const body: { until?: string; reason?: string } = reason ? { reason } : {};
  if (!day && !month && !year && !time) return body;
  const two = (v: string) => (/^[0-9]{1,2}$/.test(v) ? v.padStart(2, '0') : 'xx');
  const clock = time === '' ? '23:59' : /^[0-9]{1,2}:[0-9]{2}$/.test(time) ? time.padStart(5, '0') : 'xx:xx';
  const typed = `${/^[0-9]{4}$/.test(year) ? year : 'xxxx'}-${two(month)}-${two(day)}T${clock}`;
  return { ...body, until: String(ukLocalToInstant(typed)) };
}

export const EXCEPTION_MESSAGES = {
  until:
    'Enter the date until when the co-op may submit as a real date, for example 20 1 2027, and the time as 24-hour UK time, for example 17:00',
  reason: 'Enter the reason for the exception, in 500 characters or fewer',
} as const;
