import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Clock } from '@app/platform';

import { isPastDeadline } from './brokerage.rules';
import { BrokerageStore } from './brokerage.store';

/** Who ends a request at its deadline, in the audit columns. */
export const EXPIRY_ACTOR = 'system:brokerage-expiry';

/**
 * A request still open at its deadline expires unplaced, and every co-op asked is told it is gone.
 * Checked again under the request's lock, so an acceptance that got there first wins and the
 * request is left as it is. Returns whether it expired.
 */
@Injectable()
export class ExpireRequest {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: BrokerageStore,
    private readonly clock: Clock,
  ) {}

  async execute(requestId: string): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const request = await this.store.lockRequest(m, requestId);
      const now = this.clock.now();
      if (request.status !== 'open' || !isPastDeadline(request.answerBy, now)) return false;
      await this.store.end(m, requestId, 'expired', now, EXPIRY_ACTOR);
      await this.store.tellGone(m, requestId, 'expired', now);
      return true;
    });
  }
}
