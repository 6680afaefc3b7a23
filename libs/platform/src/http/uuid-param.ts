import { BadRequestException, Param, ParseUUIDPipe } from '@nestjs/common';

export interface UuidParamOptions {
  /**
   * Refuse with `<name> must be a UUID` in the message list, as a body's fields are refused; without it the
   * refusal is Nest's own `Validation failed (uuid v 4 is expected)`. Routes keep the refusal they have always sent.
   */
  named?: boolean;
}

/** A path parameter that must be a version-4 UUID: anything else is refused with 400 before the handler runs. */
export function UuidParam(name = 'id', options: UuidParamOptions = {}): ParameterDecorator {
  const pipe = new ParseUUIDPipe({
    version: '4',
    ...(options.named ? { exceptionFactory: () => new BadRequestException([`${name} must be a UUID`]) } : {}),
  });
  return Param(name, pipe);
}
