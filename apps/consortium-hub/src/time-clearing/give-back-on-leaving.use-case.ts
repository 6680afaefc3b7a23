import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { TIME_CREDIT_TRANSFER_LIMITS, TIME_CREDITS_SETTLED_V1, TIME_CREDITS_WITHDRAWN_V1 } from '@app/contracts';
import { OutboxService } from '@app/federation';
import { Clock } from '@app/platform';

import { CoopMembershipHooks } from '../registry';
import { ClearingStore } from './clearing.store';

/** Why a payment to a co-op that left is given back, as the paying node and the hub's staff read it. */
export function leftBeforeAnsweringReason(coopId: string): string {
  return `${coopId} left the consortium before it answered: the payment is given back`.slice(0, TIME_CREDIT_TRANSFER_LIMITS.maxReason);
}

/**
 * A co-op leaves the consortium with payments forwarded to it and never answered (its node offline
 * for good, say). From the commit that records the leaving the hub takes none of its messages, so no
 * answer can ever come: in that transaction each such payment is reversed by two clearing entries,
 * the forwarded message withdrawn from the outbox (never delivered later, and a receipt for it
 * changes nothing), and the paying node told it was refused with the reason, so it gives its member
 * the minutes back. Until a co-op leaves, a payment waits for its answer however long its node is
 * offline: giving it back sooner could pay twice, if the node came back and credited its member.
 *
 * A forward may already be on the leaving co-op's node (credited, its answer lost) or in its stream,
 * and a node taken back in reads its stream again. So when staff take the co-op back, in that
 * transaction, its node is told of each payment given back (time-credits.withdrawn, after the forward
 * in its stream): it takes back what it credited, or refuses the forward when it comes. Not sooner: a
 * co-op that left answers nothing, so a message to it then would wait on the hub for ever.
 */
@Injectable()
export class GiveBackOnLeaving implements OnModuleInit {
  private readonly logger = new Logger(GiveBackOnLeaving.name);

  constructor(
    private readonly hooks: CoopMembershipHooks,
    private readonly store: ClearingStore,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.hooks.whenLeaving('time-clearing', async (m, coopId) => {
      await this.execute(m, coopId);
    });
    this.hooks.whenTakenBack('time-clearing', async (m, coopId) => {
      await this.tellNodeTakenBack(m, coopId);
    });
  }

  async execute(m: EntityManager, coopId: string): Promise<number> {
    const reason = leftBeforeAnsweringReason(coopId);
    // In the order a receipt takes them (its outbox row, its transfer, the accounts), each kind all at
    // once, so the leaving never deadlocks with a receipt or a payment. A receipt that settled a
    // forwarding message first has settled its transfer too: that message is not withdrawn, nor given back.
    const withdrawn = await this.outbox.withdraw(m, await this.store.unansweredForwards(m, coopId), reason);
    const transfers = await this.store.lockForwarded(m, withdrawn);
    if (transfers.length === 0) return 0;
    await this.store.lockAccounts(m, [coopId, ...transfers.map((t) => t.paying_coop_id)]);
    const at = this.clock.now();
    for (const transfer of transfers) {
      await this.store.reverse(m, transfer, reason, at);
      await this.outbox.enqueue(
        m,
        TIME_CREDITS_SETTLED_V1,
        { transferId: transfer.id, outcome: 'refused', reason },
        { coopId: transfer.paying_coop_id },
      );
    }
    this.logger.log({ msg: 'payments to a co-op that left given back', coopId, count: transfers.length });
    return transfers.length;
  }

  /** A co-op taken back in: its node is told of each payment given back while it was out, once. */
  async tellNodeTakenBack(m: EntityManager, coopId: string): Promise<number> {
    const reason = leftBeforeAnsweringReason(coopId);
    const untold = await this.store.givenBackUntold(m, coopId, reason);
    for (const transferId of untold) await this.outbox.enqueue(m, TIME_CREDITS_WITHDRAWN_V1, { transferId, reason }, { coopId });
    if (untold.length > 0) this.logger.log({ msg: 'a co-op taken back told of payments given back', coopId, count: untold.length });
    return untold.length;
  }
}
