import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';

/** One error on a form: the field it belongs to (its id on the page) and what to do, GOV.UK style. */
export interface FieldError {
  field: string;
  text: string;
}

export type CheckedForm<T> = { dto: T } | { errors: FieldError[] };

/**
 * A form from a page, checked by the API's own DTO with the API's own rules (whitelist, no unknown
 * fields), so a page can store nothing the API would refuse. The form's strings are converted the way
 * the DTO's types ask (`enableImplicitConversion`); a field left blank counts as not given; the CSRF
 * token is not part of the data. Each error is named by its field (nested ones as `lots.0.hours`) with
 * the class-validator message, unless `messages` words it for people (by field, then by constraint).
 */
export async function checkForm<T extends object>(
  dto: ClassConstructor<T>,
  form: Record<string, unknown>,
  messages: Readonly<Record<string, string | Readonly<Record<string, string>>>> = {},
): Promise<CheckedForm<T>> {
  const data = Object.fromEntries(Object.entries(form).filter(([key, value]) => key !== '_csrf' && value !== ''));
  const instance = plainToInstance(dto, data, { enableImplicitConversion: true });
  const invalid = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (invalid.length === 0) return { dto: instance };
  return { errors: fieldErrors(invalid, messages) };
}

/** class-validator's errors flattened to one per field, nested fields as `a.0.b`, worded by `messages` where given. */
export function fieldErrors(
  errors: readonly ValidationError[],
  messages: Readonly<Record<string, string | Readonly<Record<string, string>>>> = {},
  prefix = '',
): FieldError[] {
  return errors.flatMap((e) => {
    const field = `${prefix}${e.property}`;
    if (e.children?.length) return fieldErrors(e.children, messages, `${field}.`);
    const [constraint, text] = Object.entries(e.constraints ?? {})[0] ?? ['', `Check ${field}`];
    const worded = messages[field];
    return [{ field, text: typeof worded === 'string' ? worded : (worded?.[constraint] ?? text) }];
  });
}

/** What a page needs to show errors: GOV.UK's error summary list (linking to each field) and each field's own message. */
export function errorSummary(errors: readonly FieldError[]) {
  return {
    errors,
    errorList: errors.map((e) => ({ text: e.text, href: `#${e.field.replace(/\./g, '-')}` })),
    fieldErrors: Object.fromEntries(errors.map((e) => [e.field, e.text])),
  };
}

/** A form field as the text typed, for showing it again ('' when it was not sent). */
export function formText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A form field that may come once (a string) or many times (an array): always a list of strings, none for a blank. */
export function formList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' && value !== '' ? [value] : [];
}
