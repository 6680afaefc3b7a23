import type { FieldError } from '@app/web';

/**
 * What the purchasing and tender pages share: money as people read it, a form's lists, and a refusal by
 * the API's own rules as an error on the page. Times are UK time, by libs/web's ukDateTime and uk-time.
 */

/** Pence as pounds: 123456 → "£1,234.56". */
export function pounds(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const whole = Math.abs(pence);
  return `${sign}£${Math.floor(whole / 100).toLocaleString('en-GB')}.${String(whole % 100).padStart(2, '0')}`;
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
