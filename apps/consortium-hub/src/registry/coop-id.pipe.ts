import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

import { COOP_ID_RULE, isCoopId } from '@app/contracts';

/** A path parameter that must be a co-op id; the refusal names the parameter (`id`, `coopId`). */
@Injectable()
export class CoopIdPipe implements PipeTransform<string, string> {
  transform(value: string, metadata?: ArgumentMetadata): string {
    if (!isCoopId(value)) throw new BadRequestException([`${metadata?.data ?? 'id'} must be a co-op id: ${COOP_ID_RULE}`]);
    return value;
  }
}
