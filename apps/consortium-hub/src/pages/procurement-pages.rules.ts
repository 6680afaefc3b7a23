import type { FieldError } from '@app/web';

/**
 * What the purchasing and tender pages share: money and times as people read them, a form's closing
 * time or deadline as the API takes it, and a refusal by the API's own rules as an error on the page.
 */

/** Pence as pounds: 123456 → "£1,234.56". */
export function pounds(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const whole = Math.abs(pence);
  return `${sign}£${Math.floor(whole / 100).toLocaleString('en-GB')}.${String(whole % 100).padStart(2, '0')}`;
}

/** An ISO time as the pages show it, in UTC to the minute: "2026-12-11 17:00 UTC"; blank when there is none. */
export function whenUtc(iso: string | null | undefined): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : '';
}

/** An ISO time as a date-and-time field holds it (UTC, to the minute): "2026-12-11T17:00". */
export function fieldTime(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 16) : '';
}

const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/**
 * A time typed in a date-and-time field (which has no zone) as the API takes it: the pages say their
 * times are UTC, so "2026-12-11T17:00" becomes "2026-12-11T17:00:00Z". Anything else is passed on as
 * typed, for the API's own rule to refuse.
 */
export function utcFromField(value: unknown): unknown {
  if (typeof value !== 'string' || !LOCAL_TIME.test(value.trim())) return value;
  const typed = value.trim();
  return `${typed}${typed.length === 16 ? ':00' : ''}Z`;
}

/** A form field that may come once or repeated (checkboxes), as a list; absent as an empty one. */
export function listFromField(value: unknown): string[] {
  if (value === undefined || value === '') return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/** How a step the API refused reads on the page: its HTTP status and the error beside the field it concerns. */
export interface StepRefusal {
  status: 400 | 409;
  errors: FieldError[];
}

/**
 * A refusal by the API's own rules (a DomainError's kind and message) as the page shows it: bad input
 * is 400 and a step the current state does not allow is 409, the message beside `field`. Not-found and
 * anything else are not a form's business: `null`, and the caller lets them through.
 */
export function stepRefusal(error: { kind: string; message: string }, field: string): StepRefusal | null {
  if (error.kind !== 'invalid' && error.kind !== 'conflict') return null;
  return { status: error.kind === 'invalid' ? 400 : 409, errors: [{ field, text: capitalised(error.message) }] };
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
