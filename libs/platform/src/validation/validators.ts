/** Validation decorators for the shapes every API takes: calendar dates, zoned instants, months, and PATCH fields that may be left out but never nulled. */
import { buildMessage, ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';

import { londonDay } from '../calendar/working-days';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function isRealDate(value: string): boolean {
  const m = CALENDAR_DATE.exec(value);
  if (!m) return false;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === value;
}

/** A real calendar date written 'YYYY-MM-DD' (so 2026-02-30 is refused), as PostgreSQL `date` returns it. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isRealDate(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a date, YYYY-MM-DD`, options),
      },
    },
    options,
  );
}

/** An instant with its offset stated, so that no one has to guess which zone a visit time was in. */
export function IsTimestampWithZone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTimestampWithZone',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          TIMESTAMP_WITH_ZONE.test(value) &&
          isRealDate(value.slice(0, 10)) &&
          !Number.isNaN(Date.parse(value)),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a date and time with a zone offset, e.g. 2026-11-25T09:30:00Z or 2026-06-01T09:30:00+01:00`,
          options,
        ),
      },
    },
    options,
  );
}

/** A month written 'YYYY-MM' whose first day is a date IsCalendarDate accepts (so never year 0000, which PostgreSQL has no date for). */
export function IsMonth(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMonth',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && MONTH.test(value) && isRealDate(`${value}-01`),
        defaultMessage: buildMessage((each) => `${each}$property must be a month, YYYY-MM`, options),
      },
    },
    options,
  );
}

/**
 * Optional, but not nullable: an absent field is left alone while an explicit null is validated (and
 * refused) like any other value, so a PATCH cannot null a required column.
 */
export function IsOptionalNotNull(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}

/**
 * Today's date in the UK (GMT in winter, BST in summer), the day every node and the hub agree on
 * whatever their host's time zone: a volunteer's hours logged at 00:30 BST are that day's.
 */
export function todayIso(): string {
  return londonDay(new Date());
}
