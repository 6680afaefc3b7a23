import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { PURCHASING_ROUND_OPENED_V1 } from '@app/contracts';
import { OutboxRelay } from '@app/federation';

import { invitableCoops } from './invitable-coops.queries';
import { OpenRoundDto, RoundView } from './purchasing.dto';
import { PurchasingErrors } from './purchasing.errors';
import { RoundQueries } from './round.queries';
import { headerOf, itemPayload, nextRoundState, RoundStore } from './round.store';

/**
 * Opens a draft: its prices are taken from the catalogue as they are now and fixed for the round,
 * the invitations are recorded, and each invited co-op is sent the round through the durable path
 * in the same transaction, so a node offline now gets it when it is back.
 */
@Injectable()
export class OpenRound {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: RoundStore,
    private readonly rounds: RoundQueries,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(id: string, dto: OpenRoundDto): Promise<RoundView> {
    await this.dataSource.transaction(async (m) => {
      const round = await this.store.lock(m, id);
      const next = nextRoundState(round, 'open');
      const now = new Date();
      const closesAt = dto.closesAt ? new Date(dto.closesAt) : round.closesAt;
      if (closesAt <= now) throw PurchasingErrors.closesInPast(closesAt);
      const coops = await invitableCoops(m, round.inviteCoopIds);
      if (coops.length === 0) throw PurchasingErrors.noCoopsToInvite(round.state);
      await m.query(
        `UPDATE purchasing_round_item ri
            SET name = c.name, supplier = c.supplier, unit = c.unit, solo_unit_price_pence = c.solo_unit_price_pence,
                order_charge_pence = c.order_charge_pence, price_breaks = c.price_breaks, local_to = c.local_to
           FROM catalogue_item c WHERE ri.round_id = $1 AND c.id = ri.item_id`,
        [id],
      );
      await m.query('INSERT INTO purchasing_invitation (round_id, coop_id) SELECT $1, unnest($2::text[])', [id, coops]);
      await m.query(`UPDATE purchasing_round SET state = $2, opened_at = $3, closes_at = $4 WHERE id = $1`, [id, next, now, closesAt]);
      const opened = { ...round, closesAt };
      const items = (await this.store.items(m, id)).map(itemPayload);
      await this.store.notifyInvited(m, id, PURCHASING_ROUND_OPENED_V1, () => ({
        ...headerOf(opened),
        openedAt: now.toISOString(),
        items,
      }));
    });
    this.relay.nudge();
    return this.rounds.get(id);
  }
}
