import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { CareErrors } from './care.errors';
import { Visit } from './visit.entity';

/** The visit taken under a lock, for recording its outcome or moving it. */
@Injectable()
export class VisitStore {
  async lockForChange(manager: EntityManager, id: string): Promise<Visit> {
    const visit = await manager.findOne(Visit, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!visit) throw CareErrors.visitNotFound(id);
    return visit;
  }
}
