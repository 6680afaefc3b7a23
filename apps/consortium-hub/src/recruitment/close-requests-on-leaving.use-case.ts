import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Clock } from '@app/platform';

import { CoopMembershipHooks } from '../registry';
import { HireRequestStore } from './hire-request.store';

/**
 * A co-op leaves the consortium with requests to hire still waiting for candidates: in the transaction
 * that records the leaving each ends 'closed', so no candidate can accept one and have their
 * application sent to a co-op that is no longer a member. The candidate sees it closed; the co-op's
 * node is told as it is told of any request closed, should it come back. A candidate who accepted
 * first (their request locked) is answered before the leaving goes on: that application stands.
 */
@Injectable()
export class CloseRequestsOnLeaving implements OnModuleInit {
  private readonly logger = new Logger(CloseRequestsOnLeaving.name);

  constructor(
    private readonly hooks: CoopMembershipHooks,
    private readonly requests: HireRequestStore,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.hooks.whenLeaving('recruitment', async (m, coopId) => {
      await this.execute(m, coopId);
    });
  }

  async execute(m: EntityManager, coopId: string): Promise<number> {
    const closed = await this.requests.endWaitingForCoop(m, coopId, this.clock.now());
    if (closed > 0) this.logger.log({ msg: 'requests to hire of a co-op that left closed', coopId, count: closed });
    return closed;
  }
}
