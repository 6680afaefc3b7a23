import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { TENDERING_ENQUIRY_ASKED_V1 } from '@app/contracts';
import { OutboxRelay, OutboxService } from '@app/federation';
import { Clock } from '@app/platform';

import { AskEnquiryDto } from './tendering.dto';
import { TenderingErrors } from './tendering.errors';
import { enquiryProblem } from './tendering.rules';
import { TenderingStore } from './tendering.store';

/**
 * The co-op admin asks a question about a tender the co-op is invited to, during its enquiry period.
 * The node refuses at once what it can already tell (no enquiry period, not yet open, over, the lot
 * not in the invitation); otherwise the question goes to the hub through the outbox, under an id of
 * the node's own so its answer is known when every invited co-op gets it. The hub's word on arrival
 * is the receipt.
 */
@Injectable()
export class AskEnquiry {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: TenderingStore,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  async execute(tenderId: string, dto: AskEnquiryDto): Promise<{ enquiryId: string; tenderId: string }> {
    const enquiryId = randomUUID();
    await this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const invitation = await this.store.lockForEnquiry(m, tenderId);
      const problem = enquiryProblem(invitation, dto.lotId ? invitation.lots.get(dto.lotId) : null, dto.lotId, now);
      if (problem) throw TenderingErrors.enquiry(problem);
      await this.outbox.enqueue(
        m,
        TENDERING_ENQUIRY_ASKED_V1,
        { tenderId, enquiryId, ...(dto.lotId ? { lotId: dto.lotId } : {}), question: dto.question },
        { occurredAt: now, id: enquiryId },
      );
      await m.query('INSERT INTO tender_enquiry (id, tender_id, lot_id, question, ours, asked_at) VALUES ($1, $2, $3, $4, true, $5)', [
        enquiryId,
        tenderId,
        dto.lotId ?? null,
        dto.question,
        now,
      ]);
    });
    this.relay.nudge();
    return { enquiryId, tenderId };
  }
}
