import { DomainError } from '@app/platform';
import type { FieldError } from '@app/web';

const STAGE_WORDS: Record<string, string> = { 'cqc-registration': 'CQC registration' };

/** A stage's name for people: `first-board-elected` reads First board elected. */
export function stageLabel(stage: string): string {
  const text = stage.replace(/-/g, ' ');
  return STAGE_WORDS[stage] ?? text.charAt(0).toUpperCase() + text.slice(1);
}

/** A form's field as typed, trimmed; blank counts as not given. */
function typed(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * A date typed in GOV.UK's three boxes (`<name>-day`, `-month`, `-year`) as the API's YYYY-MM-DD: the
 * API's own validator then decides whether it is a real date. Nothing typed is no date; a part missing or
 * not a number gives a value that the validator refuses.
 */
export function typedDate(form: Record<string, unknown>, name: string): string | undefined {
  const [day, month, year] = ['day', 'month', 'year'].map((p) => typed(form[`${name}-${p}`]));
  if (!day && !month && !year) return undefined;
  const two = (v: string | undefined) => (v && /^[0-9]{1,2}$/.test(v) ? v.padStart(2, '0') : 'xx');
  return `${year ?? 'xxxx'}-${two(month)}-${two(day)}`;
}

/** The body of POST /onboarding/journeys/:id/stages/:stage/close, as the page's form gives it. */
export function closeStageBody(form: Record<string, unknown>) {
  const evidence = Object.fromEntries(
    Object.entries({ what: typed(form.what), reference: typed(form.reference), date: typedDate(form, 'date') }).filter(
      ([, v]) => v !== undefined,
    ),
  );
  return { evidence };
}

/** The body of POST /onboarding/journeys/:id/stages/:stage/reopen, as the page's form gives it. */
export function reopenStageBody(form: Record<string, unknown>) {
  const reason = typed(form.reason);
  return reason === undefined ? {} : { reason };
}

/** The close form's errors in words for people, by field (checkForm names nested fields `evidence.what`). */
export const CLOSE_MESSAGES = {
  'evidence.what': 'Enter what the evidence is, in 2 to 500 characters',
  'evidence.reference':
    'Enter where the evidence can be found (a document reference, a web address or the registration number), up to 200 characters',
  'evidence.date': 'Enter the date of the evidence as a real date, for example 27 3 2027',
} as const;

export const REOPEN_MESSAGES = { reason: 'Enter why the stage is reopened, in 2 to 500 characters' } as const;

/**
 * A refusal of the journey's rules (its use cases' DomainError) as an error beside a field of the form: a
 * date the rules refuse beside the date, a stage that cannot close or reopen now beside the form's button.
 */
export function journeyRefusal(error: DomainError, form: 'close' | 'reopen' | 'join'): FieldError {
  if (error.code.startsWith('ONBOARDING.EVIDENCE_')) return { field: 'evidence.date', text: sentence(error.message) };
  const field = form === 'close' ? 'close-stage' : form === 'reopen' ? 'reopen-stage' : 'join-token';
  return { field, text: sentence(error.message) };
}

function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
