import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { TIME_CREDIT_TRANSFER_LIMITS, TIME_CREDITS_FORWARDED_V1, TIME_CREDITS_SETTLED_V1 } from '@app/contracts';
import { OutboxService, ReceiptHandlers, SettledMessage } from '@app/federation';
import { Clock } from '@app/platform';

import { answerStep } from './clearing.rules';
import { ClearingStore } from './clearing.store';

/**
 * The receiving node's answer to a forwarded payment (its receipt), in the transaction that settles the
 * hub's outbox row: applied, the clearing entry stands and the transfer is completed; rejected, two
 * reversing entries undo it. Either way the paying node is told, through the outbox, in the same
 * transaction. Under the transfer's lock and by its state, so an answer heard twice changes nothing.
 */
@Injectable()
export class SettleClearing implements OnModuleInit {
  constructor(
    private readonly handlers: ReceiptHandlers,
    private readonly store: ClearingStore,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.handlers.register(TIME_CREDITS_FORWARDED_V1, (settled, m) => this.execute(settled, m));
  }

  async execute(settled: SettledMessage, m: EntityManager): Promise<void> {
    const id = await this.store.idOfForward(m, settled.messageId);
    const transfer = id ? await this.store.find(m, id, true) : null;
    if (!transfer) return;
    const step = answerStep(transfer.status, settled.outcome);
    if (step === 'nothing') return;
    const at = this.clock.now();
    if (step === 'complete') {
      await this.store.complete(m, transfer.id, at);
      await this.outbox.enqueue(
        m,
        TIME_CREDITS_SETTLED_V1,
        { transferId: transfer.id, outcome: 'completed' },
        { coopId: transfer.paying_coop_id },
      );
      return;
    }
    const reason = (settled.reason ?? `refused by ${transfer.receiving_coop_id}`).slice(0, TIME_CREDIT_TRANSFER_LIMITS.maxReason);
    await this.store.lockAccounts(m, [transfer.paying_coop_id, transfer.receiving_coop_id]);
    await this.store.reverse(m, transfer, reason, at);
    await this.outbox.enqueue(
      m,
      TIME_CREDITS_SETTLED_V1,
      { transferId: transfer.id, outcome: 'refused', reason },
      { coopId: transfer.paying_coop_id },
    );
  }
}
