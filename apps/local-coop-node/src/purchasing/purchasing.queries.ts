import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { OutboxStatus } from '@app/federation';

import { AllocationView, CommitmentSentView, PriceBreakView, RoundView } from './purchasing.dto';
import { PurchasingErrors } from './purchasing.errors';
import { NodeRoundState } from './purchasing.rules';

interface RoundRow {
  id: string;
  title: string;
  state: NodeRoundState;
  closes_at: Date;
  opened_at: Date | null;
  closed_at: Date | null;
  ordered_at: Date | null;
  delivered_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  received_at: Date;
}

interface RoundItemRow {
  round_id: string;
  item_id: string;
  position: number;
  name: string;
  supplier: string;
  unit: string;
  solo_unit_price_pence: number;
  order_charge_pence: number;
  price_breaks: PriceBreakView[];
  local_to: string[];
}

/** A commitment sent, with its outbox message's state (null when the message is gone). */
interface CommitmentSentRow {
  message_id: string;
  round_id: string;
  item_id: string;
  quantity: number;
  committed_at: Date;
  status: OutboxStatus | null;
  last_error: string | null;
}

interface AllocationRow {
  round_id: string;
  item_id: string;
  name: string;
  supplier: string;
  unit: string;
  quantity: number;
  unit_price_pence: number;
  tier_min_quantity: number | null;
  /** bigint, as are the two below: text from pg. */
  allocated_pence: string;
  solo_pence: string;
  saving_pence: string;
  local: boolean;
}

const iso = (v: Date | null) => (v ? new Date(v).toISOString() : null);

/** The rounds this co-op was invited to, what it committed (and what the hub said), and its shares. */
@Injectable()
export class PurchasingQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<RoundView[]> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const ids: { id: string }[] = await m.query('SELECT id FROM purchasing_round ORDER BY coalesce(opened_at, received_at) DESC, id');
      const rounds: RoundView[] = [];
      for (const { id } of ids) rounds.push(await this.view(m, id));
      return rounds;
    });
  }

  async get(id: string): Promise<RoundView> {
    return this.dataSource.transaction('REPEATABLE READ', (m) => this.view(m, id));
  }

  private async view(m: EntityManager, id: string): Promise<RoundView> {
    const [r]: RoundRow[] = await m.query('SELECT * FROM purchasing_round WHERE id = $1', [id]);
    if (!r) throw PurchasingErrors.roundNotFound(id);
    const items: RoundItemRow[] = await m.query('SELECT * FROM purchasing_round_item WHERE round_id = $1 ORDER BY position', [id]);
    const sent: CommitmentSentRow[] = await m.query(
      `SELECT s.*, o.status, o.last_error FROM purchasing_commitment_sent s LEFT JOIN outbox_message o ON o.id = s.message_id
        WHERE s.round_id = $1 ORDER BY s.committed_at DESC, s.message_id`,
      [id],
    );
    const commitments = (itemId: string): CommitmentSentView[] =>
      sent
        .filter((s) => s.item_id === itemId)
        .map((s) => ({
          messageId: s.message_id,
          roundId: id,
          itemId,
          quantity: s.quantity,
          committedAt: new Date(s.committed_at).toISOString(),
          status: s.status ?? 'pending',
          reason: s.status === 'rejected' ? s.last_error : null,
        }));
    return {
      id: r.id,
      title: r.title,
      state: r.state,
      closesAt: new Date(r.closes_at).toISOString(),
      openedAt: iso(r.opened_at),
      closedAt: iso(r.closed_at),
      orderedAt: iso(r.ordered_at),
      deliveredAt: iso(r.delivered_at),
      cancelledAt: iso(r.cancelled_at),
      cancelReason: r.cancel_reason,
      items: items.map((i) => {
        const mine = commitments(i.item_id);
        return {
          itemId: i.item_id,
          name: i.name,
          supplier: i.supplier,
          unit: i.unit,
          soloUnitPricePence: i.solo_unit_price_pence,
          orderChargePence: i.order_charge_pence,
          priceBreaks: i.price_breaks,
          localTo: i.local_to,
          committedQuantity: mine.find((c) => c.status !== 'rejected')?.quantity ?? 0,
          commitments: mine,
        };
      }),
      allocation: r.ordered_at ? await this.allocation(m, id) : null,
    };
  }

  private async allocation(m: EntityManager, roundId: string): Promise<AllocationView> {
    const rows: AllocationRow[] = await m.query('SELECT * FROM purchasing_allocation WHERE round_id = $1 ORDER BY name, item_id', [
      roundId,
    ]);
    const lines = rows.map((l) => ({
      itemId: l.item_id,
      name: l.name,
      supplier: l.supplier,
      unit: l.unit,
      quantity: l.quantity,
      unitPricePence: l.unit_price_pence,
      tierMinQuantity: l.tier_min_quantity,
      allocatedPence: Number(l.allocated_pence),
      soloPence: Number(l.solo_pence),
      savingPence: Number(l.saving_pence),
      local: l.local,
    }));
    const sum = (f: (l: (typeof lines)[number]) => number) => lines.reduce((a, l) => a + f(l), 0);
    return {
      lines,
      allocatedPence: sum((l) => l.allocatedPence),
      soloPence: sum((l) => l.soloPence),
      savingPence: sum((l) => l.savingPence),
      localSpendPence: sum((l) => (l.local ? l.allocatedPence : 0)),
    };
  }
}
