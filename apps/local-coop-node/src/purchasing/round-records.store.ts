import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { RoundHeaderV1 } from '@app/contracts';

import { advancedState, NodeRoundState } from './purchasing.rules';

const WHEN: Record<NodeRoundState, string> = {
  open: 'opened_at',
  closed: 'closed_at',
  ordered: 'ordered_at',
  delivered: 'delivered_at',
  cancelled: 'cancelled_at',
};

/**
 * Records what the hub says about a round. Any of its messages may be the first to arrive, so each
 * creates the round from the head it carries; the state only moves forward, and the time of each
 * step is kept whatever order the steps arrive in.
 */
@Injectable()
export class RoundRecords {
  async advance(m: EntityManager, head: RoundHeaderV1, incoming: NodeRoundState, at: string, cancelReason?: string): Promise<void> {
    const [current] = await m.query('SELECT state FROM purchasing_round WHERE id = $1 FOR UPDATE', [head.roundId]);
    const state = advancedState(current?.state ?? null, incoming);
    if (!current) {
      await m.query(`INSERT INTO purchasing_round (id, title, state, closes_at, ${WHEN[incoming]}) VALUES ($1, $2, $3, $4, $5)`, [
        head.roundId,
        head.title,
        state,
        head.closesAt,
        at,
      ]);
    } else {
      await m.query(`UPDATE purchasing_round SET title = $2, state = $3, closes_at = $4, ${WHEN[incoming]} = $5 WHERE id = $1`, [
        head.roundId,
        head.title,
        state,
        head.closesAt,
        at,
      ]);
    }
    if (incoming === 'cancelled' && cancelReason)
      await m.query('UPDATE purchasing_round SET cancel_reason = $2 WHERE id = $1', [head.roundId, cancelReason]);
  }
}
