import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Ballot } from './ballot.entity';
import { GovernanceErrors } from './governance.errors';

/** The ballot taken under a lock, for closing it. */
@Injectable()
export class BallotStore {
  async lock(manager: EntityManager, id: string): Promise<Ballot> {
    const ballot = await manager.findOne(Ballot, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!ballot) throw GovernanceErrors.ballotNotFound(id);
    return ballot;
  }
}
