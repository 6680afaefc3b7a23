import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Staff } from './staff.entity';
import { WorkforceErrors } from './workforce.errors';
import { Employment } from './workforce.rules';

/** The staff record taken under a lock: to change it, or so that its employment dates hold while another record relies on them. */
@Injectable()
export class StaffStore {
  /** The staff record, locked for the rest of the transaction against concurrent changes. */
  async lockForChange(manager: EntityManager, id: string): Promise<Staff> {
    const staff = await manager.findOne(Staff, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!staff) throw WorkforceErrors.staffNotFound(id);
    return staff;
  }

  /**
   * The employment dates, share-locked so that they cannot change (a leaving being recorded) before
   * the caller's transaction, which relies on them, commits.
   */
  async employmentOf(manager: EntityManager, id: string): Promise<Employment> {
    const [row]: { started_on: string; left_on: string | null }[] = await manager.query(
      'SELECT started_on, left_on FROM staff WHERE id = $1 FOR SHARE',
      [id],
    );
    if (!row) throw WorkforceErrors.staffNotFound(id);
    return { startedOn: row.started_on, leftOn: row.left_on };
  }
}
