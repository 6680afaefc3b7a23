import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { PURCHASING_ROUND_STATE_CHANGED_V1 } from '@app/contracts';
import { OutboxRelay } from '@app/federation';

import { PurchasingErrors } from './purchasing.errors';
import { headerOf, RoundStore } from './round.store';
import { allowedRoundActions, roundTransition } from './round-state.rules';

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
      const step = roundTransition(round.state, 'deliver');
      if ('violation' in step) throw PurchasingErrors.transition(step.violation, round.state, allowedRoundActions(round.state));
      const at = new Date();
      await m.query('UPDATE purchasing_round SET state = $2, delivered_at = $3 WHERE id = $1', [id, step.next, at]);
      await this.store.notifyInvited(m, id, PURCHASING_ROUND_STATE_CHANGED_V1, () => ({
        ...headerOf(round),
        state: 'delivered',
        at: at.toISOString(),
      }));
    });
    this.relay.nudge();
  }
}
