import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { assembleBid } from './bid-assembly.rules';
import { isLocal } from './lot-change.rules';
import { tenderTransition } from './tender-stage.rules';
import { BidView, TenderQueries } from './tender.queries';
import { TenderRow, TenderStore } from './tender.store';
import { TenderingErrors } from './tendering.errors';

type Row = Record<string, any>;

/**
 * Assembles the consortium's bid from the current offers (bid-assembly.rules.ts says how). Staff
 * may call it before the deadline to close offers early; the deadline job calls it when offers close
 * by date. It can run again while the tender is assembling, e.g. after a late offer made before the
 * deadline arrived; each run replaces the allocation.
 */
@Injectable()
export class AssembleBid {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: TenderStore,
    private readonly queries: TenderQueries,
  ) {}

  async execute(id: string, by: string): Promise<BidView> {
    return this.dataSource.transaction(async (m) => {
      let tender = await this.store.lockTender(m, id);
      if (tender.stage === 'inviting') {
        const now = new Date();
        const closedAt = now < tender.deadline ? now : tender.deadline;
        await this.store.moveStage(m, tender, 'assembling', by, now < tender.deadline ? 'offers closed by hand before the deadline' : 'offers closed at the deadline', { offers_closed_at: closedAt });
        tender = { ...tender, stage: 'assembling', offersClosedAt: closedAt };
      }
      const step = tenderTransition(tender.stage, 'assemble');
      if ('violation' in step) throw TenderingErrors.stage(step.violation);
      await this.allocate(m, tender);
      return (await this.queries.bid(m, id))!;
    });
  }

  private async allocate(m: EntityManager, tender: TenderRow): Promise<void> {
    const lots = await this.store.openLots(m, tender.id);
    const offers: Row[] = await m.query(
      `SELECT o.coop_id, o.lot_id, o.hours_per_week, o.price_pence_per_hour, o.total_hours_per_week, o.made_at, c.localities
         FROM tender_offer o JOIN coop c ON c.id = o.coop_id
        WHERE o.tender_id = $1 AND o.superseded_at IS NULL AND o.withdrawn_at IS NULL`,
      [tender.id],
    );
    const lotById = new Map(lots.map((l) => [l.id, l]));
    const live = offers.filter((o) => lotById.has(o.lot_id));
    // A co-op's total across the tender is the one its latest offer stated (see bid-assembly.rules.ts).
    const latest = new Map<string, Row>();
    for (const o of live) if (!latest.has(o.coop_id) || new Date(o.made_at) > new Date(latest.get(o.coop_id)!.made_at)) latest.set(o.coop_id, o);
    const stated = [...latest.values()].filter((o) => o.total_hours_per_week !== null).map((o) => ({ coopId: o.coop_id, totalHoursPerWeek: o.total_hours_per_week }));
    const bid = assembleBid(
      lots.map((l) => ({ lotId: l.id, locality: l.locality, hoursPerWeek: l.hoursPerWeek, ceilingPencePerHour: l.ceilingPencePerHour })),
      live.map((o) => ({ coopId: o.coop_id, lotId: o.lot_id, hoursPerWeek: o.hours_per_week, pricePencePerHour: o.price_pence_per_hour, local: isLocal(o as { localities: string[] }, lotById.get(o.lot_id)!) })),
      stated,
    );
    await m.query('DELETE FROM tender_allocation WHERE tender_id = $1', [tender.id]);
    for (const a of bid.allocations) {
      await m.query('INSERT INTO tender_allocation (lot_id, coop_id, tender_id, hours_per_week, price_pence_per_hour, local) VALUES ($1, $2, $3, $4, $5, $6)', [
        a.lotId,
        a.coopId,
        tender.id,
        a.hoursPerWeek,
        a.pricePencePerHour,
        a.local,
      ]);
    }
    await m.query('UPDATE tender SET assembled_at = clock_timestamp(), updated_at = now() WHERE id = $1', [tender.id]);
  }
}
