import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { AllocationLine, ItemOrder, RoundAllocation, totalsByCoop } from './allocation.rules';
import { CommitmentReceivedView, RoundSummaryView, RoundView } from './purchasing.dto';
import { RoundItemRow, RoundRow, RoundStore } from './round.store';

interface RoundSummaryRow {
  id: string;
  title: string;
  state: RoundRow['state'];
  closes_at: Date;
  items: number;
  invited: number;
  committed: number;
}

interface InvitedCoopRow {
  id: string;
  name: string;
  committed: boolean;
}

interface CommitmentReceivedRow {
  message_id: string;
  round_id: string;
  coop_id: string;
  item_id: string;
  quantity: number;
  committed_at: Date;
  received_at: Date;
  outcome: string;
}

/** The order the hub kept for an item: written at the close, null before it (kept() reads closed rounds only). */
interface ItemOrderRow {
  item_id: string;
  total_quantity: number | null;
  tier_min_quantity: number | null;
  unit_price_pence: number | null;
  /** bigint: text from pg. */
  order_total_pence: string | null;
}

interface AllocationRow {
  round_id: string;
  coop_id: string;
  item_id: string;
  quantity: number;
  /** bigint, as are the two below: text from pg. */
  allocated_pence: string;
  solo_pence: string;
  saving_pence: string;
  local: boolean;
}
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Rounds as consortium staff see them: while open, a preview of the allocation the commitments so far
 * would give; from the close, the allocation the hub keeps (provisional until the order, then final).
 */
@Injectable()
export class RoundQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: RoundStore,
  ) {}

  async list(): Promise<RoundSummaryView[]> {
    const rows: RoundSummaryRow[] = await this.dataSource.query(
      `SELECT r.id, r.title, r.state, r.closes_at,
              (SELECT count(*)::int FROM purchasing_round_item i WHERE i.round_id = r.id) AS items,
              (SELECT count(*)::int FROM purchasing_invitation v WHERE v.round_id = r.id) AS invited,
              (SELECT count(DISTINCT c.coop_id)::int FROM purchasing_commitment c WHERE c.round_id = r.id AND c.quantity > 0) AS committed
         FROM purchasing_round r ORDER BY r.created_at DESC, r.id`,
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      state: r.state,
      closesAt: new Date(r.closes_at).toISOString(),
      items: r.items,
      invited: r.invited,
      committed: r.committed,
    }));
  }

  async get(id: string): Promise<RoundView> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const round = await this.store.find(m, id);
      const { items, allocation, status } = await this.allocationOf(m, round);
      const invited: InvitedCoopRow[] = await m.query(
        `SELECT c.id, c.name, EXISTS (SELECT 1 FROM purchasing_commitment p WHERE p.round_id = $1 AND p.coop_id = c.id AND p.quantity > 0) AS committed
           FROM purchasing_invitation i JOIN coop c ON c.id = i.coop_id WHERE i.round_id = $1 ORDER BY c.id`,
        [id],
      );
      const orderOf = new Map(allocation.items.map((o) => [o.itemId, o]));
      return {
        id: round.id,
        title: round.title,
        state: round.state,
        closesAt: round.closesAt.toISOString(),
        openedAt: iso(round.openedAt),
        closedAt: iso(round.closedAt),
        closedBy: round.closedBy,
        orderedAt: iso(round.orderedAt),
        deliveredAt: iso(round.deliveredAt),
        cancelledAt: iso(round.cancelledAt),
        cancelReason: round.cancelReason,
        allocationStatus: status,
        invited: invited.map((c) => ({ coopId: c.id, name: c.name, committed: c.committed })),
        items: items.map((i) => {
          const o = orderOf.get(i.itemId)!;
          return {
            itemId: i.itemId,
            name: i.name,
            supplier: i.supplier,
            unit: i.unit,
            soloUnitPricePence: i.soloUnitPricePence,
            orderChargePence: i.orderChargePence,
            priceBreaks: [...i.priceBreaks],
            localTo: [...i.localTo],
            totalQuantity: o.totalQuantity,
            tierMinQuantity: o.tier.minQuantity,
            unitPricePence: o.tier.unitPricePence,
            orderTotalPence: o.orderTotalPence,
          };
        }),
        allocations: allocation.lines.map((l) => ({ ...l })),
        coops: totalsByCoop(allocation.lines),
        orderTotalPence: allocation.orderTotalPence,
        soloTotalPence: allocation.soloTotalPence,
        savingPence: allocation.savingPence,
        localSpendPence: allocation.localSpendPence,
      };
    });
  }

  /** Every commitment the hub accepted for the round, oldest first: each co-op's amendments. */
  async commitments(id: string): Promise<CommitmentReceivedView[]> {
    await this.store.find(this.dataSource.manager, id);
    const rows: CommitmentReceivedRow[] = await this.dataSource.query(
      'SELECT * FROM purchasing_commitment_received WHERE round_id = $1 ORDER BY received_at, message_id',
      [id],
    );
    return rows.map((r) => ({
      messageId: r.message_id,
      coopId: r.coop_id,
      itemId: r.item_id,
      quantity: r.quantity,
      committedAt: new Date(r.committed_at).toISOString(),
      receivedAt: new Date(r.received_at).toISOString(),
      outcome: r.outcome,
    }));
  }

  private async allocationOf(
    m: EntityManager,
    round: RoundRow,
  ): Promise<{ items: RoundItemRow[]; allocation: RoundAllocation; status: RoundView['allocationStatus'] }> {
    if (round.state === 'closed' || round.state === 'ordered' || round.state === 'delivered') {
      return { ...(await this.kept(m, round.id)), status: round.state === 'closed' ? 'provisional' : 'final' };
    }
    return { ...(await this.store.compute(m, round.id)), status: round.state === 'cancelled' ? 'void' : 'preview' };
  }

  /** The allocation as kept: what was sent to the co-ops, even if a co-op's localities changed since. */
  private async kept(m: EntityManager, roundId: string): Promise<{ items: RoundItemRow[]; allocation: RoundAllocation }> {
    const items = await this.store.items(m, roundId);
    const orders: ItemOrderRow[] = await m.query(
      'SELECT item_id, total_quantity, tier_min_quantity, unit_price_pence, order_total_pence FROM purchasing_round_item WHERE round_id = $1 ORDER BY position',
      [roundId],
    );
    const rows: AllocationRow[] = await m.query('SELECT * FROM purchasing_allocation WHERE round_id = $1 ORDER BY item_id, coop_id', [
      roundId,
    ]);
    const lines: AllocationLine[] = rows.map((r) => ({
      coopId: r.coop_id,
      itemId: r.item_id,
      quantity: r.quantity,
      allocatedPence: Number(r.allocated_pence),
      soloPence: Number(r.solo_pence),
      savingPence: Number(r.saving_pence),
      local: r.local,
    }));
    const position = new Map(items.map((i, n) => [i.itemId, n]));
    lines.sort((a, b) => position.get(a.itemId)! - position.get(b.itemId)! || (a.coopId < b.coopId ? -1 : 1));
    const itemOrders: ItemOrder[] = orders.map((o) => ({
      itemId: o.item_id,
      totalQuantity: o.total_quantity ?? 0,
      tier: { minQuantity: o.tier_min_quantity, unitPricePence: o.unit_price_pence! },
      orderTotalPence: Number(o.order_total_pence ?? 0),
    }));
    const sum = (f: (l: AllocationLine) => number) => lines.reduce((a, l) => a + f(l), 0);
    return {
      items,
      allocation: {
        items: itemOrders,
        lines,
        orderTotalPence: itemOrders.reduce((a, o) => a + o.orderTotalPence, 0),
        soloTotalPence: sum((l) => l.soloPence),
        savingPence: sum((l) => l.savingPence),
        localSpendPence: sum((l) => (l.local ? l.allocatedPence : 0)),
      },
    };
  }
}
