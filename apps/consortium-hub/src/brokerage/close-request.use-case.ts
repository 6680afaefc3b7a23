import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { OutboxRelay } from '@app/federation';
import { Clock, Principal } from '@app/platform';

import { CloseRequestDto, RequestEndedView } from './brokerage.dto';
import { BrokerageErrors } from './brokerage.errors';
import { closeRefusal } from './brokerage.rules';
import { BrokerageStore } from './brokerage.store';

/** The commissioner closes a request unplaced, with a reason; every co-op asked is told it is gone. */
@Injectable()
export class CloseRequest {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: BrokerageStore,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  async execute(requestId: string, dto: CloseRequestDto, by: Principal): Promise<RequestEndedView> {
    const ended = await this.dataSource.transaction(async (m) => {
      const request = await this.store.lockRequest(m, requestId);
      const refusal = closeRefusal(request);
      if (refusal) throw BrokerageErrors.refused(refusal);
      const now = this.clock.now();
      await this.store.end(m, requestId, 'closed', now, by.subject, { closeReason: dto.reason });
      const toldGone = await this.store.tellGone(m, requestId, 'closed', now);
      return { id: requestId, status: 'closed' as const, acceptedCoopId: null, toldGone };
    });
    this.relay.nudge();
    return ended;
  }
}
