import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import {
  Envelope,
  TenderContractAwardedV1,
  TENDERING_CONTRACT_AWARDED_V1,
  TENDERING_INVITATION_V1,
  TENDERING_LOT_LOST_V1,
  TENDERING_LOT_WITHDRAWN_V1,
  TENDERING_OFFERS_CLOSED_V1,
  TenderInvitationV1,
  TenderLotLostV1,
  TenderLotWithdrawnV1,
  TenderOffersClosedV1,
} from '@app/contracts';
import { InboxHandlers } from '@app/federation';

/**
 * What the hub says about tenders, kept on the node. Messages may arrive out of order after a
 * republish, so each is applied by version or time: a lot keeps its latest terms (highest version),
 * a withdrawal counts for its version and any earlier one, and the tender's own terms are the ones
 * the hub issued last. A close of offers or a lost lot is kept apart from the invitation, so it
 * counts even if it overtakes the invitation it follows.
 */
@Injectable()
export class RecordTenderMessages implements OnModuleInit {
  constructor(private readonly handlers: InboxHandlers) {}

  onModuleInit(): void {
    this.handlers.register(TENDERING_INVITATION_V1, (e, m) => this.invitation(e, m));
    this.handlers.register(TENDERING_LOT_WITHDRAWN_V1, (e, m) => this.withdrawal(e, m));
    this.handlers.register(TENDERING_CONTRACT_AWARDED_V1, (e, m) => this.contract(e, m));
    this.handlers.register(TENDERING_OFFERS_CLOSED_V1, (e, m) => this.offersClosed(e, m));
    this.handlers.register(TENDERING_LOT_LOST_V1, (e, m) => this.lotLost(e, m));
  }

  async invitation(envelope: Envelope<TenderInvitationV1>, m: EntityManager): Promise<void> {
    const t = envelope.payload;
    await m.query(
      `INSERT INTO tender_invitation (tender_id, title, buyer, deadline, issued_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tender_id) DO UPDATE SET title = EXCLUDED.title, buyer = EXCLUDED.buyer, deadline = EXCLUDED.deadline, issued_at = EXCLUDED.issued_at, updated_at = now()
        WHERE tender_invitation.issued_at <= EXCLUDED.issued_at`,
      [t.tenderId, t.title, t.buyer, t.deadline, envelope.occurredAt],
    );
    for (const l of t.lots) {
      await m.query(
        `INSERT INTO tender_invited_lot (lot_id, tender_id, lot_version, reference, title, locality, service_type, hours_per_week, ceiling_pence_per_hour, starts_on, ends_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (lot_id) DO UPDATE SET lot_version = EXCLUDED.lot_version, reference = EXCLUDED.reference, title = EXCLUDED.title, locality = EXCLUDED.locality,
                service_type = EXCLUDED.service_type, hours_per_week = EXCLUDED.hours_per_week, ceiling_pence_per_hour = EXCLUDED.ceiling_pence_per_hour,
                starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on, updated_at = now()
          WHERE tender_invited_lot.lot_version <= EXCLUDED.lot_version`,
        [
          l.lotId,
          t.tenderId,
          l.lotVersion,
          l.reference,
          l.title,
          l.locality,
          l.serviceType,
          l.hoursPerWeek,
          l.ceilingPencePerHour,
          l.startsOn,
          l.endsOn,
        ],
      );
    }
  }

  async withdrawal(envelope: Envelope<TenderLotWithdrawnV1>, m: EntityManager): Promise<void> {
    const w = envelope.payload;
    await m.query(
      'INSERT INTO tender_lot_withdrawal (lot_id, lot_version, tender_id, reason) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      [w.lotId, w.lotVersion, w.tenderId, w.reason],
    );
  }

  async contract(envelope: Envelope<TenderContractAwardedV1>, m: EntityManager): Promise<void> {
    const c = envelope.payload;
    await m.query(
      `INSERT INTO tender_contract (id, tender_id, lot_id, tender_title, buyer, locality, service_type, hours_per_week, price_pence_per_hour, starts_on, ends_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING`,
      [
        c.contractId,
        c.tenderId,
        c.lotId,
        c.tenderTitle,
        c.buyer,
        c.locality,
        c.serviceType,
        c.hoursPerWeek,
        c.pricePencePerHour,
        c.startsOn,
        c.endsOn,
      ],
    );
  }

  /** Offers closed on the hub (the earliest close it reported counts): the node takes no more offers on the tender. */
  async offersClosed(envelope: Envelope<TenderOffersClosedV1>, m: EntityManager): Promise<void> {
    const c = envelope.payload;
    await m.query(
      `INSERT INTO tender_offers_closed (tender_id, closed_at) VALUES ($1, $2)
       ON CONFLICT (tender_id) DO UPDATE SET closed_at = LEAST(tender_offers_closed.closed_at, EXCLUDED.closed_at)`,
      [c.tenderId, c.closedAt],
    );
  }

  /** This co-op's offer on a lot came to nothing: the hours it offered there are free again. */
  async lotLost(envelope: Envelope<TenderLotLostV1>, m: EntityManager): Promise<void> {
    const l = envelope.payload;
    await m.query('INSERT INTO tender_lot_lost (lot_id, tender_id, outcome) VALUES ($1, $2, $3) ON CONFLICT (lot_id) DO NOTHING', [
      l.lotId,
      l.tenderId,
      l.outcome,
    ]);
  }
}
