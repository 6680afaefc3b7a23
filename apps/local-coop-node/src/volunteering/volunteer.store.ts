import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { COLUMNS, toView, VolunteerRecord } from './volunteer.queries';
import { VolunteeringErrors } from './volunteering.errors';
import { VolunteerView } from './volunteers.dto';

/** The volunteer row taken under a lock, for the use cases that change it or rely on it. */
@Injectable()
export class VolunteerStore {
  /**
   * The volunteer row locked for the rest of the transaction: 'update' to change it, 'share' to add
   * a record whose dates must agree with it while it cannot change.
   */
  async lock(manager: EntityManager, id: string, mode: 'update' | 'share'): Promise<VolunteerView> {
    const [row]: VolunteerRecord[] = await manager.query(
      `SELECT ${COLUMNS} FROM volunteer v WHERE v.id = $1 ${mode === 'update' ? 'FOR NO KEY UPDATE' : 'FOR SHARE'}`,
      [id],
    );
    if (!row) throw VolunteeringErrors.volunteerNotFound(id);
    return toView(row);
  }
}
