import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Envelope, TENDERING_INVITATION_V1, TENDERING_INVITATION_V2, TenderInvitationV1, TenderInvitationV2 } from '@app/contracts';
import { InboxHandlers } from '@app/federation';

/**
 * The hub invited this co-op to tender, or re-invited it to new terms. Messages may arrive out of
 * order after a republish, so each is applied by version or time: a lot keeps its latest terms
 * (highest version), and the tender's own terms are the ones the hub issued last. A v2 invitation
 * also carries the timetable (the enquiry period, each lot's deadline); a v1 one, from an older hub,
 * leaves it as it was.
 */
@Injectable()
export class RecordTenderInvitation implements OnModuleInit {
  constructor(private readonly handlers: InboxHandlers) {}

  onModuleInit(): void {
    this.handlers.register(TENDERING_INVITATION_V1, (e, m) => this.execute(e, m));
    this.handlers.register(TENDERING_INVITATION_V2, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<TenderInvitationV1 | TenderInvitationV2>, m: EntityManager): Promise<void> {
    const t = envelope.payload;
    const v2 = envelope.version >= 2 ? (t as TenderInvitationV2) : null;
    await m.query(
      `INSERT INTO tender_invitation (tender_id, title, buyer, deadline, issued_at, enquiry_starts_at, enquiry_ends_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tender_id) DO UPDATE SET title = EXCLUDED.title, buyer = EXCLUDED.buyer, deadline = EXCLUDED.deadline, issued_at = EXCLUDED.issued_at,
              enquiry_starts_at = CASE WHEN $8 THEN EXCLUDED.enquiry_starts_at ELSE tender_invitation.enquiry_starts_at END,
              enquiry_ends_at = CASE WHEN $8 THEN EXCLUDED.enquiry_ends_at ELSE tender_invitation.enquiry_ends_at END, updated_at = now()
        WHERE tender_invitation.issued_at <= EXCLUDED.issued_at`,
      [
        t.tenderId,
        t.title,
        t.buyer,
        t.deadline,
        envelope.occurredAt,
        v2?.enquiryPeriod?.startDate ?? null,
        v2?.enquiryPeriod?.endDate ?? null,
        v2 !== null,
      ],
    );
    for (const l of t.lots) {
      await m.query(
        `INSERT INTO tender_invited_lot (lot_id, tender_id, lot_version, reference, title, locality, service_type, hours_per_week, ceiling_pence_per_hour, starts_on, ends_on, deadline)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (lot_id) DO UPDATE SET lot_version = EXCLUDED.lot_version, reference = EXCLUDED.reference, title = EXCLUDED.title, locality = EXCLUDED.locality,
                service_type = EXCLUDED.service_type, hours_per_week = EXCLUDED.hours_per_week, ceiling_pence_per_hour = EXCLUDED.ceiling_pence_per_hour,
                starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on,
                deadline = CASE WHEN $13 THEN EXCLUDED.deadline ELSE tender_invited_lot.deadline END, updated_at = now()
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
          'deadline' in l ? l.deadline : null,
          v2 !== null,
        ],
      );
    }
  }
}
