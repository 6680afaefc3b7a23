import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { PURCHASING_ROUND_STATE_CHANGED_V1 } from '@app/contracts';
import { OutboxRelay } from '@app/federation';

import { headerOf, nextRoundState, RoundStore } from './round.store';

export const SCHEDULE = 'schedule';

/**
 * Closes a round: commitments made from now on do not count. The close takes effect at the closing
 * time even when the scheduled job runs a little after it, or when staff close by hand: earlier if
 * they do it before. The demand is totalled and the allocation computed, provisionally: a commitment
 * made before the close by a node that was offline can still arrive, and counts, until the order.
 */
@Injectable()
export class CloseRound {
  private readonly logger = new Logger(CloseRound.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: RoundStore,
    private readonly relay: OutboxRelay,
  ) {}

  /**
   * Staff close a round, or the schedule does (`onlyIfOpen`): then a round that another instance, or
   * staff, closed or cancelled since the sweep looked is left alone and the answer is false, where
   * staff would be refused. The relay is nudged by the caller when `onlyIfOpen`, once per sweep.
   */
  async execute(id: string, by: string, now = new Date(), onlyIfOpen = false): Promise<boolean> {
    const closed = await this.close(id, by, now, onlyIfOpen);
    if (!onlyIfOpen) this.relay.nudge();
    return closed;
  }

  private async close(id: string, by: string, now: Date, onlyIfOpen: boolean): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const round = await this.store.lock(m, id);
      // Another instance, or staff, may have closed or cancelled it since the sweep looked.
      if (onlyIfOpen && round.state !== 'open') return false;
      const next = nextRoundState(round, 'close');
      const closedAt = now < round.closesAt ? now : round.closesAt;
      await m.query('UPDATE purchasing_round SET state = $2, closed_at = $3, closed_by = $4 WHERE id = $1', [id, next, closedAt, by]);
      const { allocation } = await this.store.allocate(m, id);
      await this.store.notifyInvited(m, id, PURCHASING_ROUND_STATE_CHANGED_V1, () => ({
        ...headerOf(round),
        state: 'closed',
        at: closedAt.toISOString(),
      }));
      this.logger.log({ msg: 'purchasing round closed', roundId: id, by, orderTotalPence: allocation.orderTotalPence });
      return true;
    });
  }
}
