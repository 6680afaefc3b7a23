import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { lineLimitProblem, PURCHASING_COMMITMENT_MADE_V1 } from '@app/contracts';
import { OutboxRelay, OutboxService } from '@app/federation';

import { CommitmentSentView } from './purchasing.dto';
import { PurchasingErrors } from './purchasing.errors';
import { localCommitRefusal } from './purchasing.rules';

/**
 * The co-op admin commits to (or amends, or with 0 withdraws) a quantity of an item in a round. It is
 * stamped with this node's clock and written to the outbox in one transaction, so it goes even while
 * the link to the hub is down; the hub counts it if it was made before the close and arrives before
 * the order, and otherwise sends back the reason (shown with the commitment).
 */
@Injectable()
export class CommitQuantity {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(roundId: string, itemId: string, quantity: number, now = new Date()): Promise<CommitmentSentView> {
    const sent = await this.dataSource.transaction(async (m) => {
      const [round] = await m.query('SELECT state, closes_at FROM purchasing_round WHERE id = $1 FOR SHARE', [roundId]);
      if (!round) throw PurchasingErrors.roundNotFound(roundId);
      const [item] = await m.query(
        'SELECT solo_unit_price_pence, order_charge_pence FROM purchasing_round_item WHERE round_id = $1 AND item_id = $2',
        [roundId, itemId],
      );
      if (!item) throw PurchasingErrors.itemNotInRound(itemId, roundId);
      // The hub refuses the same; saying so here answers the admin at once, with a 400.
      const tooLarge = lineLimitProblem(quantity, {
        soloUnitPricePence: item.solo_unit_price_pence,
        orderChargePence: item.order_charge_pence,
      });
      if (tooLarge) throw PurchasingErrors.lineTooLarge(tooLarge);
      const refusal = localCommitRefusal(round.state, new Date(round.closes_at), now);
      if (refusal) throw PurchasingErrors.commitRefused(refusal, round.state);
      // One clock reading for both: the hub checks that the payload's time is the envelope's.
      const envelope = await this.outbox.enqueue(
        m,
        PURCHASING_COMMITMENT_MADE_V1,
        { roundId, itemId, quantity, committedAt: now.toISOString() },
        { occurredAt: now },
      );
      await m.query(
        'INSERT INTO purchasing_commitment_sent (message_id, round_id, item_id, quantity, committed_at) VALUES ($1, $2, $3, $4, $5)',
        [envelope.id, roundId, itemId, quantity, now],
      );
      return envelope.id;
    });
    this.relay.nudge();
    return { messageId: sent, roundId, itemId, quantity, committedAt: now.toISOString(), status: 'pending', reason: null };
  }
}
