import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Envelope, REPORTING_RETURN_APPROVED_V1, REPORTING_RETURN_SENT_BACK_V1, ReturnApprovedV1, ReturnSentBackV1 } from '@app/contracts';
import { InboxHandlers } from '@app/federation';

import { ReportingErrors } from './reporting.errors';
import { isStaleReview, ReviewDecision } from './return-review.rules';

/**
 * Consortium staff approved this co-op's return, or sent it back with a comment: keep what they said
 * on the request, so the admin sees it. Repeats are harmless (the inbox drops them, and a review
 * older than the one held is ignored), and a review of a return the hub has since replaced changes
 * nothing.
 */
@Injectable()
export class RecordReturnReview implements OnModuleInit {
  private readonly logger = new Logger(RecordReturnReview.name);

  constructor(private readonly handlers: InboxHandlers) {}

  onModuleInit(): void {
    this.handlers.register(REPORTING_RETURN_APPROVED_V1, (e, m) => this.execute(e, 'approved', null, m));
    this.handlers.register(REPORTING_RETURN_SENT_BACK_V1, (e, m) => this.execute(e, 'sent-back', e.payload.comment, m));
  }

  async execute(
    envelope: Envelope<ReturnApprovedV1 | ReturnSentBackV1>,
    decision: ReviewDecision,
    comment: string | null,
    m: EntityManager,
  ): Promise<void> {
    const { cycleId, messageId } = envelope.payload;
    const [request] = await m.query(
      `SELECT r.reviewed_message_id, r.reviewed_at, s.sent_at AS reviewed_sent_at
         FROM return_request r LEFT JOIN return_sent s ON s.message_id = r.reviewed_message_id
        WHERE r.cycle_id = $1 FOR UPDATE OF r`,
      [cycleId],
    );
    if (!request) throw ReportingErrors.requestNotFound(cycleId);
    // Compared in SQL: sent_at has microseconds, which a JavaScript Date would round away.
    const [sent] = await m.query(
      `SELECT s.sent_at,
              EXISTS (SELECT 1 FROM return_sent l JOIN outbox_message o ON o.id = l.message_id
                       WHERE l.cycle_id = s.cycle_id AND l.sent_at > s.sent_at AND o.status = 'confirmed') AS later_accepted
         FROM return_sent s WHERE s.message_id = $1 AND s.cycle_id = $2`,
      [messageId, cycleId],
    );
    if (!sent) throw ReportingErrors.reviewOfUnknownReturn(messageId, cycleId);
    const review = { messageId, messageSentAt: new Date(sent.sent_at), at: new Date(envelope.occurredAt) };
    const recorded = request.reviewed_message_id
      ? { messageId: request.reviewed_message_id, messageSentAt: new Date(request.reviewed_sent_at), at: new Date(request.reviewed_at) }
      : null;
    if (isStaleReview(review, recorded, sent.later_accepted)) {
      this.logger.log({ msg: 'stale review of a return ignored', cycleId, messageId, decision, correlationId: envelope.correlationId });
      return;
    }
    await m.query(
      `UPDATE return_request SET review_state = $2, review_comment = $3, reviewed_message_id = $4, reviewed_at = $5 WHERE cycle_id = $1`,
      [cycleId, decision, comment, messageId, envelope.occurredAt],
    );
  }
}
