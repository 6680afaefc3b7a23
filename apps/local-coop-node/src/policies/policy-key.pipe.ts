import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

import { POLICY_KEY_PATTERN } from '@app/contracts';

/** A path parameter that must be a policy key (safeguarding-adults); the refusal names the parameter. */
@Injectable()
export class PolicyKeyPipe implements PipeTransform<string, string> {
  transform(value: string, metadata?: ArgumentMetadata): string {
    if (typeof value !== 'string' || value.length > 120 || !POLICY_KEY_PATTERN.test(value))
      throw new BadRequestException([`${metadata?.data ?? 'key'} must be lower-case words joined by hyphens, e.g. safeguarding-adults`]);
    return value;
  }
}
