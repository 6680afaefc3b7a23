import { type FieldError, ukDateTime } from '@app/web';

/**
 * What the purchasing and tender pages share: a form's lists and a refusal by
 * the API's own rules as an error on the page. Money and times are libs/web's (pounds, ukDateTime, uk-time).
 */

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

/** An instant as the API writes it in a message: `2027-03-17T12:00:00.000Z`. */
const INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})/g;

/**
 * A refusal by the API's own rules (a DomainError's kind and message) as the page shows it: bad input
 * is 400 and a step the current state does not allow is 409, the message beside `field`, each instant in
 * it in UK time as the page shows times. Not-found and anything else are not a form's business: `null`,
 * and the caller lets them through.
 */
export function stepRefusal(error: { kind: string; message: string }, field: string): StepRefusal | null {
  if (error.kind !== 'invalid' && error.kind !== 'conflict') return null;
  const text = capitalised(error.message.replace(INSTANT, (iso) => ukDateTime(iso)));
  return { status: error.kind === 'invalid' ? 400 : 409, errors: [{ field, text }] };
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
