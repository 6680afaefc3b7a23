import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Envelope, TenderEnquiryAnsweredV1, TENDERING_ENQUIRY_ANSWERED_V1 } from '@app/contracts';
import { InboxHandlers } from '@app/federation';

/**
 * A question on a tender and its answer, as the hub shares it with every invited co-op: this co-op's
 * own question (known by its id) gets its answer; anyone else's is kept as the hub gives it, without
 * who asked. Kept once, however often it is delivered.
 */
@Injectable()
export class RecordTenderEnquiryAnswer implements OnModuleInit {
  constructor(private readonly handlers: InboxHandlers) {}

  onModuleInit(): void {
    this.handlers.register(TENDERING_ENQUIRY_ANSWERED_V1, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<TenderEnquiryAnsweredV1>, m: EntityManager): Promise<void> {
    const e = envelope.payload;
    await m.query(
      `INSERT INTO tender_enquiry (id, tender_id, lot_id, question, ours, answer, answered_at) VALUES ($1, $2, $3, $4, false, $5, $6)
       ON CONFLICT (id) DO UPDATE SET answer = EXCLUDED.answer, answered_at = EXCLUDED.answered_at WHERE tender_enquiry.tender_id = EXCLUDED.tender_id`,
      [e.enquiryId, e.tenderId, e.lotId ?? null, e.question, e.answer, e.answeredAt],
    );
  }
}
