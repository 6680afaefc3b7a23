import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { assembleBid, statedTotals } from './bid-assembly.rules';
import { isLocal } from './lot-change.rules';
import { TenderRow, TenderStore } from './tender.store';
import { TenderInvitations } from './tender-invitations.service';

/** An offer as the assembly reads it, with the co-op's localities. */
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
  coop_status: string;
}

/**
 * The two steps AssembleBid (staff) and AssembleDueBid (the deadline) share, each inside the
 * caller's transaction: closing offers, and assembling the bid (bid-assembly.rules.ts says how).
 */
@Injectable()
export class BidAssembler {
  constructor(
    private readonly store: TenderStore,
    private readonly invitations: TenderInvitations,
  ) {}

  /** Moves an inviting tender to assembling: offers close now, or at the deadline if it has passed. */
  async closeOffers(m: EntityManager, tender: TenderRow, by: string, now: Date): Promise<TenderRow> {
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

  /** Assembles the bid as of `now` (the app's Clock), which the stale check compares offers' arrival with. */
  async allocate(m: EntityManager, tender: TenderRow, now: Date): Promise<void> {
    const lots = await this.store.openLots(m, tender.id);
    const offers: OfferRow[] = await m.query(
      `SELECT o.coop_id, o.lot_id, o.hours_per_week, o.price_pence_per_hour, o.total_hours_per_week, o.made_at, o.received_at,
              o.superseded_at IS NULL AND o.withdrawn_at IS NULL AS current, c.localities, c.status AS coop_status
         FROM tender_offer o JOIN coop c ON c.id = o.coop_id
        WHERE o.tender_id = $1`,
      [tender.id],
    );
    const lotById = new Map(lots.map((l) => [l.id, l]));
    // A co-op that has left the consortium since it offered bids for nothing: the consortium cannot contract it.
    const live = offers.filter((o) => o.current && o.coop_status !== 'left' && lotById.has(o.lot_id));
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
    await m.query('UPDATE tender SET assembled_at = $2, updated_at = now() WHERE id = $1', [tender.id, now]);
  }
}
