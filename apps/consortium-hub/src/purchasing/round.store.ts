import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { MessageDefinition, RoundHeaderV1, RoundItemV1 } from '@app/contracts';
import { OutboxService } from '@app/federation';

import { allocateRound, AllocationLine, PriceBreak, PricedItem, RoundAllocation } from './allocation.rules';
import { PurchasingErrors } from './purchasing.errors';
import { allowedRoundActions, RoundAction, type RoundState, roundTransition } from './round-state.rules';

export interface RoundRow {
  id: string;
  title: string;
  state: RoundState;
  closesAt: Date;
  inviteCoopIds: string[] | null;
  openedAt: Date | null;
  closedAt: Date | null;
  closedBy: string | null;
  orderedAt: Date | null;
  deliveredAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
}

export interface RoundItemRow extends PricedItem {
  name: string;
  supplier: string;
  unit: string;
}

/** The state `action` moves the round to, or the refusal that names the state and what it allows. */
export function nextRoundState(round: RoundRow, action: RoundAction): RoundState {
  const step = roundTransition(round.state, action);
  if ('violation' in step) throw PurchasingErrors.transition(step.violation, round.state, allowedRoundActions(round.state));
  return step.next;
}

/** A purchasing_round row as `pg` returns it (timestamptz as Date, text[] as an array). */
interface PurchasingRoundRecord {
  id: string;
  title: string;
  state: RoundState;
  closes_at: Date;
  invite_coop_ids: string[] | null;
  opened_at: Date | null;
  closed_at: Date | null;
  closed_by: string | null;
  ordered_at: Date | null;
  delivered_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
}

/** A purchasing_round_item row: the item as it stood when the round was made (jsonb parsed). */
interface PurchasingRoundItemRecord {
  item_id: string;
  name: string;
  supplier: string;
  unit: string;
  solo_unit_price_pence: number;
  order_charge_pence: number;
  price_breaks: PriceBreak[];
  local_to: string[];
}

/** The round's rows, its allocation and its messages to the invited co-ops, inside a caller's transaction. */
@Injectable()
export class RoundStore {
  constructor(private readonly outbox: OutboxService) {}

  /** Locks the round: state changes and commitments to one round happen one at a time. */
  async lock(m: EntityManager, id: string): Promise<RoundRow> {
    const [row]: PurchasingRoundRecord[] = await m.query('SELECT * FROM purchasing_round WHERE id = $1 FOR UPDATE', [id]);
    if (!row) throw PurchasingErrors.roundNotFound(id);
    return toRound(row);
  }

  async find(m: EntityManager, id: string): Promise<RoundRow> {
    const [row]: PurchasingRoundRecord[] = await m.query('SELECT * FROM purchasing_round WHERE id = $1', [id]);
    if (!row) throw PurchasingErrors.roundNotFound(id);
    return toRound(row);
  }

  async items(m: EntityManager, roundId: string): Promise<RoundItemRow[]> {
    const rows: PurchasingRoundItemRecord[] = await m.query('SELECT * FROM purchasing_round_item WHERE round_id = $1 ORDER BY position', [
      roundId,
    ]);
    return rows.map((r) => ({
      itemId: r.item_id,
      name: r.name,
      supplier: r.supplier,
      unit: r.unit,
      soloUnitPricePence: r.solo_unit_price_pence,
      orderChargePence: r.order_charge_pence,
      priceBreaks: r.price_breaks,
      localTo: r.local_to,
    }));
  }

  async invited(m: EntityManager, roundId: string): Promise<string[]> {
    const rows: { coop_id: string }[] = await m.query('SELECT coop_id FROM purchasing_invitation WHERE round_id = $1 ORDER BY coop_id', [
      roundId,
    ]);
    return rows.map((r) => r.coop_id);
  }

  /** The allocation the round's standing commitments give now, from the prices it opened with. */
  async compute(m: EntityManager, roundId: string): Promise<{ items: RoundItemRow[]; allocation: RoundAllocation }> {
    const items = await this.items(m, roundId);
    const commitments: { coop_id: string; item_id: string; quantity: number }[] = await m.query(
      'SELECT coop_id, item_id, quantity FROM purchasing_commitment WHERE round_id = $1 AND quantity > 0',
      [roundId],
    );
    const coops: { id: string; localities: string[] }[] = await m.query(
      'SELECT c.id, c.localities FROM purchasing_invitation i JOIN coop c ON c.id = i.coop_id WHERE i.round_id = $1',
      [roundId],
    );
    const allocation = allocateRound(
      items,
      commitments.map((c) => ({ coopId: c.coop_id, itemId: c.item_id, quantity: c.quantity })),
      new Map(coops.map((c) => [c.id, c.localities])),
    );
    return { items, allocation };
  }

  /** Computes the allocation and keeps it as the round's (replacing any before). */
  async allocate(m: EntityManager, roundId: string): Promise<{ items: RoundItemRow[]; allocation: RoundAllocation }> {
    const computed = await this.compute(m, roundId);
    await m.query('DELETE FROM purchasing_allocation WHERE round_id = $1', [roundId]);
    const lines = computed.allocation.lines;
    if (lines.length) {
      await m.query(
        `INSERT INTO purchasing_allocation (round_id, coop_id, item_id, quantity, allocated_pence, solo_pence, saving_pence, local)
         SELECT $1, * FROM unnest($2::text[], $3::uuid[], $4::int[], $5::bigint[], $6::bigint[], $7::bigint[], $8::boolean[])`,
        [roundId, ...columns(lines)],
      );
    }
    for (const o of computed.allocation.items) {
      await m.query(
        'UPDATE purchasing_round_item SET total_quantity = $3, tier_min_quantity = $4, unit_price_pence = $5, order_total_pence = $6 WHERE round_id = $1 AND item_id = $2',
        [roundId, o.itemId, o.totalQuantity, o.tier.minQuantity, o.tier.unitPricePence, o.orderTotalPence],
      );
    }
    return computed;
  }

  /** Queues one message per invited co-op, in the caller's transaction. */
  async notifyInvited<P extends object>(
    m: EntityManager,
    roundId: string,
    def: MessageDefinition<P>,
    payloadFor: (coopId: string) => P,
  ): Promise<void> {
    for (const coopId of await this.invited(m, roundId)) await this.outbox.enqueue(m, def, payloadFor(coopId), { coopId });
  }
}

export function headerOf(round: RoundRow): RoundHeaderV1 {
  return { roundId: round.id, title: round.title, closesAt: round.closesAt.toISOString() };
}

export function itemPayload(i: RoundItemRow): RoundItemV1 {
  return {
    itemId: i.itemId,
    name: i.name,
    supplier: i.supplier,
    unit: i.unit,
    soloUnitPricePence: i.soloUnitPricePence,
    orderChargePence: i.orderChargePence,
    priceBreaks: i.priceBreaks.map((b) => ({ minQuantity: b.minQuantity, unitPricePence: b.unitPricePence })),
    localTo: [...i.localTo],
  };
}

function columns(lines: AllocationLine[]): unknown[][] {
  return [
    lines.map((l) => l.coopId),
    lines.map((l) => l.itemId),
    lines.map((l) => l.quantity),
    lines.map((l) => l.allocatedPence),
    lines.map((l) => l.soloPence),
    lines.map((l) => l.savingPence),
    lines.map((l) => l.local),
  ];
}

const date = (v: Date | string | null): Date | null => (v ? new Date(v) : null);

function toRound(r: PurchasingRoundRecord): RoundRow {
  return {
    id: r.id,
    title: r.title,
    state: r.state,
    closesAt: new Date(r.closes_at),
    inviteCoopIds: r.invite_coop_ids,
    openedAt: date(r.opened_at),
    closedAt: date(r.closed_at),
    closedBy: r.closed_by,
    orderedAt: date(r.ordered_at),
    deliveredAt: date(r.delivered_at),
    cancelledAt: date(r.cancelled_at),
    cancelReason: r.cancel_reason,
  };
}
