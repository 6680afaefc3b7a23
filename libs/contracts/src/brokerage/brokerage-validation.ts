import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  buildMessage,
  IsArray,
  IsIn,
  IsInt,
  Max,
  Min,
  ValidateBy,
  ValidationOptions,
} from 'class-validator';

import { IsNumberWithDecimals } from '../validation';
import { SERVICE_TYPES } from '../vocabulary';
import { BROKERAGE_LIMITS, notePersonalDataProblem, TIMES_OF_DAY } from './brokerage-vocabulary';

/** Several class-validator rules as one, so the messages and both apps' request bodies check a field alike. */
const all =
  (...rules: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    rules.forEach((rule) => rule(target, key));

/** One or more distinct times of day. */
export const IsTimesOfDay = () =>
  all(IsArray(), ArrayMinSize(1), ArrayMaxSize(TIMES_OF_DAY.length), ArrayUnique(), IsIn(TIMES_OF_DAY, { each: true }));

/** One or more distinct service types. */
export const IsServiceTypes = () =>
  all(IsArray(), ArrayMinSize(1), ArrayMaxSize(BROKERAGE_LIMITS.maxServiceTypes), ArrayUnique(), IsIn(SERVICE_TYPES, { each: true }));

/** A whole number of days a week, 1 to 7. */
export const IsDaysPerWeek = () => all(IsInt(), Min(1), Max(7));

/** Hours of care a week, to a tenth of an hour (six minutes). */
export const IsPackageHours = () => all(IsNumberWithDecimals(1), Min(0.5), Max(BROKERAGE_LIMITS.maxHoursPerWeek));

/** Visits a day. */
export const IsVisitsPerDay = () => all(IsInt(), Min(1), Max(BROKERAGE_LIMITS.maxVisitsPerDay));

/** Carers at each visit: 2 for a double-up. */
export const IsCarersPerVisit = () => all(IsInt(), Min(1), Max(BROKERAGE_LIMITS.maxCarersPerVisit));

/** A note with nothing that looks personal (see notePersonalDataProblem); the message names what was found. */
export function IsNoteWithoutPersonalData(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNoteWithoutPersonalData',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && notePersonalDataProblem(value) === null,
        defaultMessage: buildMessage(
          (_each, args) =>
            typeof args?.value === 'string'
              ? (notePersonalDataProblem(args.value) ?? 'note must be text')
              : `${args?.property ?? 'note'} must be text`,
          options,
        ),
      },
    },
    options,
  );
}
