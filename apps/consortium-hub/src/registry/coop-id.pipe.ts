import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

import { COOP_ID_RULE, isCoopId } from '@app/contracts';

@Injectable()
export class CoopIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isCoopId(value)) throw new BadRequestException([`id must be a co-op id: ${COOP_ID_RULE}`]);
    return value;
  }
}
