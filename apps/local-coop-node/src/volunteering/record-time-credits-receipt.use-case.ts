import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { TIME_CREDITS_SENT_V1 } from '@app/contracts';
import { ReceiptHandlers, SettledMessage } from '@app/federation';

import { SettleTimeCredits } from './settle-time-credits.use-case';
import { settlementStep, statusAfterHubAccepted } from './time-credits-across.rules';
import { AcrossCoopsStore } from './time-credits-across.store';

/**
 * The hub's receipt for a payment this co-op sent, in the transaction that settles its outbox row:
 * applied, the hub recorded it and passed it on (forwarded); rejected, the hub refused it (the co-op
 * at its clearing limit, the other co-op unknown) and the payer is given the minutes back at once.
 */
@Injectable()
export class RecordTimeCreditsReceipt implements OnModuleInit {
  constructor(
    private readonly handlers: ReceiptHandlers,
    private readonly store: AcrossCoopsStore,
    private readonly settle: SettleTimeCredits,
  ) {}

  onModuleInit(): void {
    this.handlers.register(TIME_CREDITS_SENT_V1, (settled, m) => this.execute(settled, m));
  }

  async execute(settled: SettledMessage, m: EntityManager): Promise<void> {
    const id = await this.store.idOfMessage(m, settled.messageId);
    if (!id) return;
    const transfer = await this.store.lock(m, id);
    if (!transfer) return;
    if (settled.outcome === 'applied') {
      if (statusAfterHubAccepted(transfer.status)) await this.store.markForwarded(m, id);
      return;
    }
    // A receipt is settled once and never retried for a rule: a refusal after an ending is left as it was.
    if (settlementStep(transfer.status, 'refused') === 'give-back')
      await this.settle.settle(m, id, 'refused', settled.reason ?? 'refused by the hub');
  }
}
