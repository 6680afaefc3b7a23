import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Principal } from '@app/platform';

import { invitableCoops } from './invitable-coops.queries';
import { CreateRoundDto, RoundView } from './purchasing.dto';
import { PurchasingErrors } from './purchasing.errors';
import { RoundQueries } from './round.queries';

/** Consortium staff draft a round: its items (at today's catalogue prices until it opens), closing time and invitees. */
@Injectable()
export class CreateRound {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rounds: RoundQueries,
  ) {}

  async execute(dto: CreateRoundDto, by: Principal): Promise<RoundView> {
    const closesAt = new Date(dto.closesAt);
    if (closesAt <= new Date()) throw PurchasingErrors.closesInPast(closesAt);
    const id = randomUUID();
    await this.dataSource.transaction(async (m) => {
      const found: { id: string }[] = await m.query('SELECT id FROM catalogue_item WHERE id = ANY($1::uuid[])', [dto.itemIds]);
      const missing = dto.itemIds.find((itemId) => !found.some((f) => f.id === itemId));
      if (missing) throw PurchasingErrors.itemNotFound(missing);
      // Checked now so a mistyped co-op is found while the round is drafted, and again when it opens.
      if (dto.coopIds) await invitableCoops(m, dto.coopIds);
      await m.query('INSERT INTO purchasing_round (id, title, closes_at, invite_coop_ids, created_by) VALUES ($1, $2, $3, $4, $5)', [
        id,
        dto.title,
        closesAt,
        dto.coopIds ?? null,
        by.subject,
      ]);
      await m.query(
        `INSERT INTO purchasing_round_item (round_id, item_id, position, name, supplier, unit, solo_unit_price_pence, order_charge_pence, price_breaks, local_to)
         SELECT $1, c.id, p.position, c.name, c.supplier, c.unit, c.solo_unit_price_pence, c.order_charge_pence, c.price_breaks, c.local_to
           FROM unnest($2::uuid[]) WITH ORDINALITY AS p (item_id, position) JOIN catalogue_item c ON c.id = p.item_id`,
        [id, dto.itemIds],
      );
    });
    return this.rounds.get(id);
  }
}
