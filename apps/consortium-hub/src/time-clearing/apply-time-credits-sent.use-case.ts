import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Envelope, TIME_CREDITS_FORWARDED_V1, TIME_CREDITS_SENT_V1, TimeCreditsSentV1 } from '@app/contracts';
import { InboxHandlers, OutboxService } from '@app/federation';
import { Clock } from '@app/platform';

import { clearingLimitViolation, routeOf } from './clearing.rules';
import { ClearingStore } from './clearing.store';
import { TimeClearingErrors } from './time-clearing.errors';

/**
 * A co-op's node has paid time credits to another co-op's payment code. In the inbox transaction: the
 * route is checked (another co-op of the consortium, registered or trading), the paying co-op's net
 * balance against the consortium's limit under both accounts' locks, then the clearing entry recorded
 * and the payment forwarded to the receiving node through the outbox. A refusal goes back to the paying
 * node as a rejected receipt with the reason, and it gives its member the minutes back.
 */
@Injectable()
export class ApplyTimeCreditsSent implements OnModuleInit {
  constructor(
    private readonly handlers: InboxHandlers,
    private readonly store: ClearingStore,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.handlers.register(TIME_CREDITS_SENT_V1, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<TimeCreditsSentV1>, m: EntityManager): Promise<void> {
    const { coopId } = envelope;
    const { transferId, paymentCode, minutes } = envelope.payload;
    const earlier = await this.store.find(m, transferId);
    // The same payment sent again under another message id was recorded once already.
    if (earlier?.paying_coop_id === coopId) return;
    if (earlier) throw TimeClearingErrors.transferIdTaken(transferId, coopId);
    const statuses = await this.store.coopStatuses(m, [coopId, paymentCode.split('.')[0]]);
    const route = routeOf({ id: coopId, status: statuses.get(coopId) ?? 'unknown' }, paymentCode, (id) => statuses.get(id) ?? null);
    if ('rule' in route) throw TimeClearingErrors.broken(route);
    await this.store.lockAccounts(m, [coopId, route.receivingCoopId]);
    const limit = await this.store.limitMinutes(m, true);
    const balance = await this.store.balanceOf(m, coopId);
    const refused = clearingLimitViolation(coopId, balance, minutes, limit);
    if (refused) throw TimeClearingErrors.broken(refused, { limitMinutes: limit, balanceMinutes: balance });
    const forward = await this.outbox.enqueue(
      m,
      TIME_CREDITS_FORWARDED_V1,
      { transferId, fromCoopId: coopId, paymentCode, minutes },
      { coopId: route.receivingCoopId, correlationId: envelope.correlationId, causationId: envelope.id },
    );
    await this.store.record(
      m,
      {
        id: transferId,
        payingCoopId: coopId,
        receivingCoopId: route.receivingCoopId,
        minutes,
        sentMessageId: envelope.id,
        forwardMessageId: forward.id,
      },
      this.clock.now(),
    );
  }
}
