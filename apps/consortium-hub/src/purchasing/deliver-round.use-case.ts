import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { PURCHASING_ROUND_STATE_CHANGED_V1 } from '@app/contracts';
import { OutboxRelay } from '@app/federation';

import { headerOf, nextRoundState, RoundStore } from './round.store';

/** A round delivered. Invited co-ops are told. */
@Injectable()
export class DeliverRound {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: RoundStore,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const round = await this.store.lock(m, id);
      const next = nextRoundState(round, 'deliver');
      const at = new Date();
      await m.query('UPDATE purchasing_round SET state = $2, delivered_at = $3 WHERE id = $1', [id, next, at]);
      await this.store.notifyInvited(m, id, PURCHASING_ROUND_STATE_CHANGED_V1, () => ({
        ...headerOf(round),
        state: 'delivered',
        at: at.toISOString(),
      }));
    });
    this.relay.nudge();
  }
}
