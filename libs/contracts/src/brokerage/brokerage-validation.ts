import { buildMessage, ValidateBy, ValidationOptions } from 'class-validator';

import { notePersonalDataProblem } from './brokerage-vocabulary';

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
