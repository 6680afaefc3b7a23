import { Transform, plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { PayloadClass } from './message-definition';

/** Turns class-validator's tree into one line per broken rule, each naming its field path. */
export function describeValidationErrors(errors: ValidationError[], parent = ''): string[] {
  const lines: string[] = [];
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      lines.push(message.startsWith(error.property) ? `${parent ? parent + '.' : ''}${message}` : `${path}: ${message}`);
    }
    if (error.children?.length) lines.push(...describeValidationErrors(error.children, path));
  }
  return lines;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Validates a plain object against a class: unknown fields refused, every rule checked. */
export function checkAgainst<T extends object>(cls: PayloadClass<T>, plain: unknown): Checked<T> {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return { ok: false, errors: ['must be a JSON object'] };
  }
  const instance = plainToInstance(cls, plain, { enableImplicitConversion: false }) as T;
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length > 0) return { ok: false, errors: describeValidationErrors(errors) };
  return { ok: true, value: instance };
}

/** A calendar day as the messages write it: YYYY-MM-DD. */
export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null && !Array.isArray(v);

// Nested objects become instances of their class so that they are validated too. (class-transformer's
// @Type would need reflect-metadata loaded, which a plain contracts library cannot assume.)
/** A nested object field as an instance of `cls`, so it is validated too (with @ValidateNested). */
export const Nested = (cls: new () => object) => Transform(({ value }) => (isObject(value) ? plainToInstance(cls, value) : value));
/** Each element of an array field as an instance of `cls`, so it is validated too (with @ValidateNested({ each: true })). */
export const NestedEach = (cls: new () => object) => Transform(({ value }) => (Array.isArray(value) ? value.map((v) => (isObject(v) ? plainToInstance(cls, v) : v)) : value));
