import { DomainError } from '@app/platform';
import { FieldError, formList } from '@app/web/page-forms';
import { sentence } from '@app/web/page-words';
import { ukLocalToInstant } from '@app/web/uk-time';

type Form = Record<string, unknown>;

/**
 * The profile form as `PATCH /profile` takes it: localities typed one a line become a list (a blank box
 * an empty list, which the DTO refuses), and the services ticked a list, none ticked an empty list (the
 * hidden `servicesShown` says the boxes were on the page). Every other field is passed on as typed.
 */
export function profileFormToBody(form: Form): Form {
  const { localities, servicesOffered, servicesShown, ...rest } = form;
  const body: Form = { ...rest };
  if (localities !== undefined) {
    body.localities = String(localities)
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '');
  }
  if (servicesOffered !== undefined || servicesShown !== undefined) body.servicesOffered = formList(servicesOffered);
  return body;
}

/**
 * The ballot form as `POST /ballots` takes it: the times typed in UK time become instants, the classes
 * and candidates ticked lists. A motion's form carries no election fields and an election's no
 * motion fields, so the DTO judges each kind by its own rules.
 */
export function ballotFormToBody(form: Form): Form {
  const { opensAt, closesAt, eligibleClasses, candidateMemberIds, resolution, stakeholderClass, seats, ...rest } = form;
  const body: Form = { ...rest };
  if (opensAt !== undefined && opensAt !== '') body.opensAt = ukLocalToInstant(opensAt);
  if (closesAt !== undefined && closesAt !== '') body.closesAt = ukLocalToInstant(closesAt);
  if (form.kind === 'election') {
    Object.assign(body, { stakeholderClass, seats, candidateMemberIds: formList(candidateMemberIds) });
  } else {
    const classes = formList(eligibleClasses);
    Object.assign(body, { resolution, ...(classes.length ? { eligibleClasses: classes } : {}) });
  }
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

/**
 * A use case's refusal as an error on the form (beside `field`), when it is about what was typed
 * (invalid or conflicting input); anything else (not found too) is thrown on for the error page, which answers the API's status.
 */
export function refusalOnField(error: unknown, field: string | ((e: DomainError) => string)): FieldError[] {
  if (!(error instanceof DomainError) || (error.kind !== 'invalid' && error.kind !== 'conflict')) throw error;
  return [{ field: typeof field === 'string' ? field : field(error), text: sentence(error.message) }];
}

/** GOV.UK select, radio or checkbox items for a vocabulary, the current value(s) marked, each worded for people. */
export function choices(values: readonly string[], current: string | readonly string[], words: (v: string) => string) {
  const chosen = (v: string) => (typeof current === 'string' ? current === v : current.includes(v));
  return values.map((value) => ({ value, text: words(value), selected: chosen(value), checked: chosen(value) }));
}

/** What `PATCH /profile` cannot do: remove a registration number or a CQC rating once given (a blank leaves it as it is). */
export const CANNOT_REMOVE: Readonly<Record<'registrationNumber' | 'cqcRating', string>> = {
  registrationNumber: 'The registration number cannot be removed, only changed: enter the current number',
  cqcRating: 'The CQC rating cannot be removed, only changed: choose the current rating',
};

/**
 * The profile form's blanks for a registration number or a CQC rating the co-op has already given, as
 * errors beside those fields: the API would keep the old value, so the page must not say it was removed.
 */
export function removedProfileFields(form: Form, current: { registrationNumber: string | null; cqcRating: string | null }): FieldError[] {
  const blank = (v: unknown) => v === undefined || (typeof v === 'string' && v.trim() === '');
  return (['registrationNumber', 'cqcRating'] as const)
    .filter((field) => current[field] !== null && current[field] !== '' && blank(form[field]))
    .map((field) => ({ field, text: CANNOT_REMOVE[field] }));
}
