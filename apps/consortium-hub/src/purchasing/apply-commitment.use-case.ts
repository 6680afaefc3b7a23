import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Envelope, lineLimitProblem, PURCHASING_COMMITMENT_MADE_V1, PurchasingCommitmentMadeV1 } from '@app/contracts';
import { InboxHandlers } from '@app/federation';

import { judgeCommitment, supersedes } from './commitment.rules';
import { PurchasingErrors } from './purchasing.errors';
import { RoundStore } from './round.store';

/**
 * A co-op's commitment (or amendment) arrives. It counts if it was made while the round was open and
 * arrives within a day of the close and before the order (see commitment.rules), and if its line stays
 * within PURCHASING_LIMITS.maxLinePence; otherwise it is refused back to the node with the
 * reason, and changes nothing. One that counts replaces the co-op's standing commitment for the item
 * unless a later one is already standing; every one received is kept. If the round has already closed,
 * the provisional allocation is computed again with it.
 */
@Injectable()
export class ApplyCommitment implements OnModuleInit {
  constructor(
    private readonly handlers: InboxHandlers,
    private readonly store: RoundStore,
  ) {}

  onModuleInit(): void {
    this.handlers.register(PURCHASING_COMMITMENT_MADE_V1, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<PurchasingCommitmentMadeV1>, m: EntityManager, now = new Date()): Promise<void> {
    const c = envelope.payload;
    const coopId = envelope.coopId;
    if (new Date(c.committedAt).getTime() !== new Date(envelope.occurredAt).getTime())
      throw PurchasingErrors.committedAtMismatch(c.committedAt, envelope.occurredAt);
    const round = await this.store.lock(m, c.roundId);
    const [invited] = await m.query('SELECT 1 FROM purchasing_invitation WHERE round_id = $1 AND coop_id = $2', [c.roundId, coopId]);
    if (!invited) throw PurchasingErrors.notInvited(coopId, c.roundId);
    const [item] = await m.query(
      'SELECT solo_unit_price_pence, order_charge_pence FROM purchasing_round_item WHERE round_id = $1 AND item_id = $2',
      [c.roundId, c.itemId],
    );
    if (!item) throw PurchasingErrors.itemNotInRound(c.itemId, c.roundId);
    const tooLarge = lineLimitProblem(c.quantity, {
      soloUnitPricePence: item.solo_unit_price_pence,
      orderChargePence: item.order_charge_pence,
    });
    if (tooLarge) throw PurchasingErrors.lineTooLarge(tooLarge);

    const judged = judgeCommitment({ ...round, occurredAt: envelope.occurredAt, now });
    if (!judged.counts) throw PurchasingErrors.commitmentRefused(judged.violation, round.state);

    const [standing] = await m.query(
      'SELECT committed_at FROM purchasing_commitment WHERE round_id = $1 AND coop_id = $2 AND item_id = $3 FOR UPDATE',
      [c.roundId, coopId, c.itemId],
    );
    const applies = supersedes(judged.madeAt, standing ? new Date(standing.committed_at) : null);
    if (applies) {
      await m.query(
        `INSERT INTO purchasing_commitment (round_id, coop_id, item_id, quantity, committed_at, message_id) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (round_id, coop_id, item_id) DO UPDATE SET quantity = EXCLUDED.quantity, committed_at = EXCLUDED.committed_at, message_id = EXCLUDED.message_id, received_at = now()`,
        [c.roundId, coopId, c.itemId, c.quantity, judged.madeAt, envelope.id],
      );
    }
    await m.query(
      'INSERT INTO purchasing_commitment_received (message_id, round_id, coop_id, item_id, quantity, committed_at, outcome) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [envelope.id, c.roundId, coopId, c.itemId, c.quantity, judged.madeAt, applies ? 'applied' : 'superseded-on-arrival'],
    );
    if (applies && round.state === 'closed') await this.store.allocate(m, c.roundId);
  }
}
