import { DomainError } from '@app/platform';
import { FieldError } from '@app/web';

/**
 * A use case's refusal as an error on the form (beside `field`), when it is about what was typed
 * (invalid or conflicting input); anything else (not found too) is thrown on for the error page, which answers the API's status.
 */
export function refusalOnField(error: unknown, field: string | ((e: DomainError) => string)): FieldError[] {
  if (!(error instanceof DomainError) || (error.kind !== 'invalid' && error.kind !== 'conflict')) throw error;
  return [{ field: typeof field === 'string' ? field : field(error), text: sentence(error.message) }];
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** GOV.UK select, radio or checkbox items for a vocabulary, the current value(s) marked, each worded for people. */
export function choices(values: readonly string[], current: string | readonly string[], words: (v: string) => string) {
  const chosen = (v: string) => (typeof current === 'string' ? current === v : current.includes(v));
  return values.map((value) => ({ value, text: words(value), selected: chosen(value), checked: chosen(value) }));
}
