import { plainToInstance, Transform } from 'class-transformer';
import { buildMessage, ValidateBy, validateSync, ValidationError, ValidationOptions } from 'class-validator';

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

/**
 * Validates a plain object against a class: unknown fields refused, every rule checked. Never throws:
 * a validator or transformer that breaks on some input (class-validator's own decimal check did, on
 * `1e-7`) refuses that input instead, since its caller may be a NATS subscription callback, where an
 * exception kills the connection's reader.
 */
export function checkAgainst<T extends object>(cls: PayloadClass<T>, plain: unknown): Checked<T> {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return { ok: false, errors: ['must be a JSON object'] };
  }
  try {
    const instance = plainToInstance(cls, plain, { enableImplicitConversion: false }) as T;
    const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
    if (errors.length > 0) return { ok: false, errors: describeValidationErrors(errors) };
    return { ok: true, value: instance };
  } catch (error) {
    // Only the error's class: its message could quote the input.
    return { ok: false, errors: [`could not be checked (${error instanceof Error ? error.name : 'non-error thrown'} in a validator)`] };
  }
}

/**
 * How many decimal places a number has as written in its shortest form (what JSON carries): 1e-7 has 7,
 * 1.5e-7 has 8, 1e21 and -0 none, 0.1 + 0.2 (0.30000000000000004) 17. NaN for NaN and the infinities.
 */
export function decimalPlaces(value: number): number {
  if (!Number.isFinite(value)) return NaN;
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(Math.abs(value).toString());
  if (!m) return NaN;
  return Math.max(0, (m[2]?.length ?? 0) - Number(m[3] ?? 0));
}

/** A finite number with at most `maxDecimals` decimal places. */
export function isNumberWithDecimals(value: unknown, maxDecimals: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && decimalPlaces(value) <= maxDecimals;
}

/**
 * A finite number with at most `maxDecimals` decimal places, for messages and HTTP bodies alike. Use it
 * instead of class-validator's `IsNumber({ maxDecimalPlaces })`, which throws a TypeError on a number
 * JavaScript writes with an exponent (`1e-7`) instead of refusing it.
 */
export function IsNumberWithDecimals(maxDecimals: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNumberWithDecimals',
      constraints: [maxDecimals],
      validator: {
        validate: (value: unknown) => isNumberWithDecimals(value, maxDecimals),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a number with at most ${maxDecimals} decimal place${maxDecimals === 1 ? '' : 's'}`,
          options,
        ),
      },
    },
    options,
  );
}

/** A calendar day as the messages write it: YYYY-MM-DD. */
export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null && !Array.isArray(v);

// Nested objects become instances of their class so that they are validated too. (class-transformer's
// @Type would need reflect-metadata loaded, which a plain contracts library cannot assume.)
/** A nested object field as an instance of `cls`, so it is validated too (with @ValidateNested). */
export const Nested = (cls: new () => object) => Transform(({ value }) => (isObject(value) ? plainToInstance(cls, value) : value));
/** Each element of an array field as an instance of `cls`, so it is validated too (with @ValidateNested({ each: true })). */
export const NestedEach = (cls: new () => object) =>
  Transform(({ value }) => (Array.isArray(value) ? value.map((v) => (isObject(v) ? plainToInstance(cls, v) : v)) : value));
