import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { TenderingErrors } from './tendering.errors';
import { LOTS_SQL, NOT_REFUSED } from './tendering.queries';
import { OpenLot } from './tendering.rules';

/** An invited lot as LOTS_SQL reads it, with whether the hub withdrew it. */
interface LotRow {
  lot_id: string;
  reference: string;
  hours_per_week: number;
  ceiling_pence_per_hour: number;
  withdrawn_reason: string | null;
  lot_version: number;
  deadline: Date | null;
}

/** What sending offers reads under a lock on the invitation. */
@Injectable()
export class TenderingStore {
  /**
   * The invitation's deadline, when the hub closed offers (if it said so), the latest total stated on
   * the tender, and its lots as they stand, read in the transaction that writes the offers. The
   * invitation is locked, so two offers sent at once on one tender are written one after the other.
   */
  async lockForOffer(
    m: EntityManager,
    tenderId: string,
  ): Promise<{
    deadline: Date;
    offersClosedAt: Date | null;
    statedTotalHoursPerWeek: number | null;
    lots: Map<string, OpenLot & { version: number }>;
  }> {
    const [t]: { deadline: Date }[] = await m.query('SELECT deadline FROM tender_invitation WHERE tender_id = $1 FOR UPDATE', [tenderId]);
    if (!t) throw TenderingErrors.invitationNotFound(tenderId);
    const [closed]: { closed_at: Date }[] = await m.query('SELECT closed_at FROM tender_offers_closed WHERE tender_id = $1', [tenderId]);
    const [stated]: { total_hours_per_week: number }[] = await m.query(
      `SELECT s.total_hours_per_week FROM tender_offer_sent s WHERE s.tender_id = $1 AND s.total_hours_per_week IS NOT NULL AND ${NOT_REFUSED} ORDER BY s.sent_at DESC, s.message_id DESC LIMIT 1`,
      [tenderId],
    );
    const lots: LotRow[] = await m.query(LOTS_SQL, [[tenderId]]);
    return {
      deadline: new Date(t.deadline),
      offersClosedAt: closed ? new Date(closed.closed_at) : null,
      statedTotalHoursPerWeek: stated ? stated.total_hours_per_week : null,
      lots: new Map(
        lots.map((l) => [
          l.lot_id,
          {
            lotId: l.lot_id,
            reference: l.reference,
            hoursPerWeek: l.hours_per_week,
            ceilingPencePerHour: l.ceiling_pence_per_hour,
            withdrawn: !!l.withdrawn_reason,
            version: l.lot_version,
            deadline: l.deadline ? new Date(l.deadline) : null,
          },
        ]),
      ),
    };
  }

  /**
   * The invitation's enquiry period and lots, locked, for asking a question: the invitation row is
   * locked so a question and an invitation that changes the period are applied one after the other.
   */
  async lockForEnquiry(
    m: EntityManager,
    tenderId: string,
  ): Promise<{ enquiryStartsAt: Date | null; enquiryEndsAt: Date | null; cancelled: boolean; lots: Map<string, { withdrawn: boolean }> }> {
    const [t]: { enquiry_starts_at: Date | null; enquiry_ends_at: Date | null }[] = await m.query(
      'SELECT enquiry_starts_at, enquiry_ends_at FROM tender_invitation WHERE tender_id = $1 FOR UPDATE',
      [tenderId],
    );
    if (!t) throw TenderingErrors.invitationNotFound(tenderId);
    const lots: LotRow[] = await m.query(LOTS_SQL, [[tenderId]]);
    return {
      enquiryStartsAt: t.enquiry_starts_at ? new Date(t.enquiry_starts_at) : null,
      enquiryEndsAt: t.enquiry_ends_at ? new Date(t.enquiry_ends_at) : null,
      cancelled: lots.length > 0 && lots.every((l) => l.withdrawn_reason === 'tender-cancelled'),
      lots: new Map(lots.map((l) => [l.lot_id, { withdrawn: !!l.withdrawn_reason }])),
    };
  }
}
