import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { CareErrors } from './care.errors';
import { Support } from './care.rules';
import { ServiceUser } from './service-user.entity';

/** The person supported, taken under a lock: to change or erase them, or so that their support dates hold while a visit or plan relies on them. */
@Injectable()
export class ServiceUserStore {
  async lockForChange(manager: EntityManager, id: string): Promise<ServiceUser> {
    const person = await manager.findOne(ServiceUser, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!person) throw CareErrors.serviceUserNotFound(id);
    return person;
  }

  /** The support dates, share-locked so that support cannot be ended under a visit being planned. */
  async supportOf(manager: EntityManager, id: string): Promise<Support> {
    const [row]: { started_on: string; ended_on: string | null }[] = await manager.query(
      'SELECT started_on, ended_on FROM service_user WHERE id = $1 FOR SHARE',
      [id],
    );
    if (!row) throw CareErrors.serviceUserNotFound(id);
    return { startedOn: row.started_on, endedOn: row.ended_on };
  }
}
