import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { OutboxRelay } from '@app/federation';
import { Clock, Principal } from '@app/platform';

import { answerRefusal } from './enquiry.rules';
import { TenderStore } from './tender.store';
import { TenderInvitations } from './tender-invitations.service';
import { AskedEnquiryAnswerDto } from './tendering.dto';
import { TenderingErrors } from './tendering.errors';

/**
 * Staff answer a co-op's question. In the same transaction the question and its answer go to every
 * co-op invited to the tender, the asker among them and never named (TenderInvitations.shareAnswers);
 * co-ops invited later get it with their invitation. Answers may be given after the enquiry period
 * ends (questions asked in it still deserve one) until the council decides.
 */
@Injectable()
export class AnswerEnquiry {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: TenderStore,
    private readonly invitations: TenderInvitations,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  async execute(tenderId: string, enquiryId: string, dto: AskedEnquiryAnswerDto, by: Principal): Promise<{ sharedWith: number }> {
    const shared = await this.dataSource.transaction(async (m) => {
      const tender = await this.store.lockTender(m, tenderId);
      const [enquiry]: { answer: string | null }[] = await m.query(
        'SELECT answer FROM tender_enquiry WHERE id = $1 AND tender_id = $2 FOR UPDATE',
        [enquiryId, tenderId],
      );
      if (!enquiry) throw TenderingErrors.enquiryNotFound(enquiryId);
      const refusal = answerRefusal(tender.stage, enquiry.answer !== null);
      if (refusal) throw TenderingErrors.enquiry(refusal);
      await m.query('UPDATE tender_enquiry SET answer = $2, answered_at = $3, answered_by = $4 WHERE id = $1', [
        enquiryId,
        dto.answer,
        this.clock.now(),
        by.subject,
      ]);
      return this.invitations.shareAnswers(m, tenderId);
    });
    this.relay.nudge();
    return { sharedWith: shared };
  }
}
