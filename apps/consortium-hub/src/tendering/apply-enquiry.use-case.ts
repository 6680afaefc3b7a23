import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Envelope, TenderEnquiryAskedV1, TENDERING_ENQUIRY_ASKED_V1 } from '@app/contracts';
import { InboxHandlers } from '@app/federation';
import { Clock } from '@app/platform';

import { judgeEnquiry } from './enquiry.rules';
import { TenderingErrors } from './tendering.errors';

/**
 * An invited co-op's question arrives from its node. It is judged by enquiry.rules.ts (invited, the
 * enquiry period, by the node's signed time); a refusal goes back as a rejected receipt with the
 * reason and stores nothing. An accepted question waits for staff to answer it; nobody else sees it
 * until then, and then without the asker's name.
 */
@Injectable()
export class ApplyEnquiry implements OnModuleInit {
  constructor(
    private readonly handlers: InboxHandlers,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.handlers.register(TENDERING_ENQUIRY_ASKED_V1, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<TenderEnquiryAskedV1>, m: EntityManager): Promise<void> {
    const q = envelope.payload;
    const coopId = envelope.coopId;
    const [tender] = await m.query('SELECT stage, enquiry_starts_at, enquiry_ends_at, invited_at FROM tender WHERE id = $1 FOR SHARE', [
      q.tenderId,
    ]);
    if (!tender) throw TenderingErrors.tenderNotFound(q.tenderId);
    if (q.lotId) {
      const [lot] = await m.query('SELECT 1 FROM tender_lot WHERE id = $1 AND tender_id = $2', [q.lotId, q.tenderId]);
      if (!lot) throw TenderingErrors.lotNotFound(q.lotId);
    }
    const [invitation] = await m.query(
      `SELECT 1 FROM tender_invitation WHERE tender_id = $1 AND coop_id = $2 AND withdrawn_at IS NULL AND ($3::uuid IS NULL OR lot_id = $3) LIMIT 1`,
      [q.tenderId, coopId, q.lotId ?? null],
    );
    const [taken]: { coop_id: string }[] = await m.query('SELECT coop_id FROM tender_enquiry WHERE id = $1', [q.enquiryId]);
    if (taken) throw TenderingErrors.enquiryIdTaken(q.enquiryId);
    const now = this.clock.now();
    const judged = judgeEnquiry(
      {
        tender: {
          stage: tender.stage,
          enquiryStartsAt: tender.enquiry_starts_at ? new Date(tender.enquiry_starts_at) : null,
          enquiryEndsAt: tender.enquiry_ends_at ? new Date(tender.enquiry_ends_at) : null,
          invitedAt: tender.invited_at ? new Date(tender.invited_at) : null,
        },
        invited: !!invitation,
        coopId,
        receivedAt: now,
      },
      envelope.occurredAt,
    );
    if (!judged.accepted) throw TenderingErrors.enquiry(judged.refusal);
    await m.query(
      'INSERT INTO tender_enquiry (id, tender_id, lot_id, coop_id, question, asked_at, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [q.enquiryId, q.tenderId, q.lotId ?? null, coopId, q.question, judged.askedAt, now],
    );
  }
}
