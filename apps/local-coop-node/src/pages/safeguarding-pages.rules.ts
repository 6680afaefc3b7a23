import { FieldError } from '@app/web/page-forms';
import { sentence } from '@app/web/page-words';

type Form = Record<string, unknown>;

/** The concern forms' fields worded for people, by the DTO field each error is named by. */
export const CONCERN_MESSAGES = {
  serviceUserId: 'Choose the person the concern is about',
  raisedOn: 'Enter the day the concern was raised as a date, for example 2026-06-01',
  category: 'Choose the Care Act category of abuse or neglect',
  details: 'Enter what was seen or heard in up to 2,000 characters, or leave it blank',
  referredOn: 'Enter the day it was referred to the council as a date, for example 2026-06-02',
  outcome: 'Choose the outcome that closes the concern',
  closedOn: 'Enter the day the concern closed as a date, for example 2026-06-20',
};

/** The fields of the form that records a concern, in the order the page shows them. */
export const CONCERN_FIELDS = ['serviceUserId', 'raisedOn', 'category', 'details', 'referredOn'] as const;

/** How the use cases' messages name the days of a concern, and how the page names them to people. */
const DAY_WORDS: Readonly<Record<string, string>> = {
  raisedOn: 'The day raised',
  referredOn: 'The day referred',
  closedOn: 'The day closed',
};

/**
 * The fields of a form that must not be blank for what it does, as errors beside them: the referral form
 * without a day, or the closing form without an outcome or a day, would otherwise reach the use case
 * asking for nothing, or for a closing day without an outcome.
 */
export function blankFields(form: Form, fields: readonly (keyof typeof CONCERN_MESSAGES)[]): FieldError[] {
  return fields
    .filter((f) => typeof form[f] !== 'string' || (form[f] as string).trim() === '')
    .map((field) => ({ field, text: CONCERN_MESSAGES[field] }));
}

/**
 * A safeguarding rule the use case refused, beside the day it is about: its message begins with the
 * API's name of the field (`referredOn 2026-06-01 is before…`), and each such name becomes words for
 * people. A message about no particular day (a closed concern cannot change) goes beside `fallback`.
 */
export function concernRefusal(message: string, fields: readonly string[], fallback: string): FieldError {
  const [first] = message.split(' ');
  const worded = Object.entries(DAY_WORDS).reduce((text, [api, words]) => text.replaceAll(api, words.toLowerCase()), message);
  return { field: fields.includes(first) ? first : fallback, text: sentence(worded) };
}
