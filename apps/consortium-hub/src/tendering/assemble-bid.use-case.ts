import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { OutboxRelay } from '@app/federation';

import { assembleBid, statedTotals } from './bid-assembly.rules';
import { isLocal } from './lot-change.rules';
import { BidView, TenderQueries } from './tender.queries';
import { TenderRow, TenderStore } from './tender.store';
import { TenderInvitations } from './tender-invitations';
import { dueForAssembly, tenderTransition } from './tender-stage.rules';
import { TenderingErrors } from './tendering.errors';

/** An offer on the tender, whether still current, with its co-op's localities. */
interface OfferRow {
  coop_id: string;
  lot_id: string;
  hours_per_week: number;
  price_pence_per_hour: number;
  total_hours_per_week: number | null;
  made_at: Date;
  received_at: Date;
  current: boolean;
  localities: string[];
}

/**
 * Assembles the consortium's bid from the current offers (bid-assembly.rules.ts says how). Staff
 * may call it before the deadline to close offers early; the deadline job calls it when offers close
 * by date. It can run again while the tender is assembling, e.g. after a late offer made before the
 * deadline arrived; each run replaces the allocation.
 *
 * Closing offers and assembling happen in one transaction, so a tender is never left assembling
 * without a bid; closing also tells every invited co-op (`tendering.offers-closed`), in the same
 * transaction, so nodes stop taking offers the hub would refuse.
 */
@Injectable()
export class AssembleBid {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: TenderStore,
    private readonly queries: TenderQueries,
    private readonly invitations: TenderInvitations,
    private readonly relay: OutboxRelay,
  ) {}

  /** Staff: closes offers first if the tender is still inviting (now, or at the deadline if it has passed), then assembles. */
  async execute(id: string, by: string): Promise<BidView> {
    const bid = await this.dataSource.transaction(async (m) => {
      let tender = await this.store.lockTender(m, id);
      if (tender.stage === 'inviting') tender = await this.closeOffers(m, tender, by, new Date());
      const step = tenderTransition(tender.stage, 'assemble');
      if ('violation' in step) throw TenderingErrors.stage(step.violation);
      await this.allocate(m, tender);
      return (await this.queries.bid(m, id))!;
    });
    this.relay.nudge();
    return bid;
  }

  /**
   * The schedule: if the tender is still due (see `dueForAssembly`) once locked, closes its offers
   * at the deadline and assembles its bid in one transaction. False when there was nothing to do
   * (another hub instance, or staff, got there first, or the deadline was moved).
   */
  async byDate(id: string): Promise<boolean> {
    const done = await this.dataSource.transaction(async (m) => {
      let tender = await this.store.lockTender(m, id);
      const now = new Date();
      if (!dueForAssembly(tender, now)) return false;
      if (tender.stage === 'inviting') tender = await this.closeOffers(m, tender, 'schedule', now);
      await this.allocate(m, tender);
      return true;
    });
    if (done) this.relay.nudge();
    return done;
  }

  /** Moves an inviting tender to assembling: offers close now, or at the deadline if it has passed. */
  private async closeOffers(m: EntityManager, tender: TenderRow, by: string, now: Date): Promise<TenderRow> {
    const early = now < tender.deadline;
    const closedAt = early ? now : tender.deadline;
    await this.store.moveStage(
      m,
      tender,
      'assembling',
      by,
      early ? 'offers closed by hand before the deadline' : 'offers closed at the deadline',
      { offers_closed_at: closedAt },
    );
    await this.invitations.announceClosed(m, tender.id, closedAt);
    return { ...tender, stage: 'assembling', offersClosedAt: closedAt };
  }

  private async allocate(m: EntityManager, tender: TenderRow): Promise<void> {
    const lots = await this.store.openLots(m, tender.id);
    const offers: OfferRow[] = await m.query(
      `SELECT o.coop_id, o.lot_id, o.hours_per_week, o.price_pence_per_hour, o.total_hours_per_week, o.made_at, o.received_at,
              o.superseded_at IS NULL AND o.withdrawn_at IS NULL AS current, c.localities
         FROM tender_offer o JOIN coop c ON c.id = o.coop_id
        WHERE o.tender_id = $1`,
      [tender.id],
    );
    const lotById = new Map(lots.map((l) => [l.id, l]));
    const live = offers.filter((o) => o.current && lotById.has(o.lot_id));
    // A co-op's cap across the tender is the latest total it stated on any offer (see statedTotals).
    const stated = statedTotals(
      offers.map((o) => ({
        coopId: o.coop_id,
        totalHoursPerWeek: o.total_hours_per_week,
        madeAt: new Date(o.made_at),
        receivedAt: new Date(o.received_at),
      })),
    );
    const bid = assembleBid(
      lots.map((l) => ({ lotId: l.id, locality: l.locality, hoursPerWeek: l.hoursPerWeek, ceilingPencePerHour: l.ceilingPencePerHour })),
      live.map((o) => ({
        coopId: o.coop_id,
        lotId: o.lot_id,
        hoursPerWeek: o.hours_per_week,
        pricePencePerHour: o.price_pence_per_hour,
        local: isLocal(o, lotById.get(o.lot_id)!),
      })),
      stated,
    );
    await m.query('DELETE FROM tender_allocation WHERE tender_id = $1', [tender.id]);
    for (const a of bid.allocations) {
      await m.query(
        'INSERT INTO tender_allocation (lot_id, coop_id, tender_id, hours_per_week, price_pence_per_hour, local) VALUES ($1, $2, $3, $4, $5, $6)',
        [a.lotId, a.coopId, tender.id, a.hoursPerWeek, a.pricePencePerHour, a.local],
      );
    }
    await m.query('UPDATE tender SET assembled_at = clock_timestamp(), updated_at = now() WHERE id = $1', [tender.id]);
  }
}
