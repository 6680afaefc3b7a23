import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { PURCHASING_ROUND_STATE_CHANGED_V1 } from '@app/contracts';
import { OutboxRelay } from '@app/federation';

import { headerOf, nextRoundState, RoundStore } from './round.store';

/** A round cancelled, from any state before delivery. Invited co-ops are told. */
@Injectable()
export class CancelRound {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: RoundStore,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(id: string, reason?: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const round = await this.store.lock(m, id);
      const next = nextRoundState(round, 'cancel');
      const at = new Date();
      await m.query('UPDATE purchasing_round SET state = $2, cancelled_at = $3, cancel_reason = $4 WHERE id = $1', [
        id,
        next,
        at,
        reason ?? null,
      ]);
      // A draft invited nobody yet, so there is no one to tell.
      await this.store.notifyInvited(m, id, PURCHASING_ROUND_STATE_CHANGED_V1, () => ({
        ...headerOf(round),
        state: 'cancelled',
        at: at.toISOString(),
        ...(reason ? { reason } : {}),
      }));
    });
    this.relay.nudge();
  }
}
