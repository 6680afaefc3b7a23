import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { REPORTING_RETURN_APPROVED_V1, REPORTING_RETURN_SENT_BACK_V1 } from '@app/contracts';
import { OutboxRelay, OutboxService } from '@app/federation';
import { Principal } from '@app/platform';

import { ReportingErrors } from './reporting.errors';
import { ReviewDecision, reviewRefusal } from './review.rules';
import { currentReturnOf, lockCoopReturn } from './review-records.store';

export interface ReviewMade {
  reviewId: string;
  cycleId: string;
  coopId: string;
  messageId: string;
  decision: ReviewDecision;
  comment: string | null;
  reviewedBy: string;
  reviewedAt: string;
}

/**
 * Consortium staff approve a co-op's current return, or send it back with a comment, naming the return
 * they looked at (its messageId), which must still be the current one. The review is kept (every
 * decision is history) and the co-op is told through the outbox in the same transaction: a send-back
 * reopens the return for that co-op, an approval freezes it.
 */
@Injectable()
export class ReviewReturn {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(
    target: { cycleId: string; coopId: string },
    decision: ReviewDecision,
    details: { comment?: string; messageId: string },
    by: Principal,
  ): Promise<ReviewMade> {
    const made = await this.dataSource.transaction(async (m) => {
      const period = await this.periodOf(m, target.cycleId, target.coopId);
      await lockCoopReturn(m, target.cycleId, target.coopId);
      const current = await currentReturnOf(m, target.cycleId, target.coopId);
      // Staff name the return they looked at, and must not review one that replaced it meanwhile.
      if (current && details.messageId !== current.messageId) throw ReportingErrors.notCurrentReturn(details.messageId, current.messageId);
      const refusal = reviewRefusal(decision, current !== null, current?.review ?? null);
      if (refusal === 'no-current-return' || !current) throw ReportingErrors.noCurrentReturn(target.coopId, period);
      if (refusal === 'already-approved') throw ReportingErrors.alreadyApproved(current.messageId);
      if (refusal === 'already-sent-back') throw ReportingErrors.alreadySentBack(current.messageId);
      const comment = decision === 'sent-back' ? details.comment! : null;
      const reviewId = randomUUID();
      // clock_timestamp(), not now(): the review is ordered by when it was made under the lock, not by
      // when its transaction began (a transaction that waited for the lock began earlier).
      const [row] = await m.query(
        `INSERT INTO return_review (id, cycle_id, coop_id, message_id, decision, comment, reviewed_by, reviewed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, clock_timestamp()) RETURNING reviewed_at`,
        [reviewId, target.cycleId, target.coopId, current.messageId, decision, comment, by.subject],
      );
      if (decision === 'approved') {
        await this.outbox.enqueue(
          m,
          REPORTING_RETURN_APPROVED_V1,
          { cycleId: target.cycleId, messageId: current.messageId },
          { coopId: target.coopId },
        );
      } else {
        await this.outbox.enqueue(
          m,
          REPORTING_RETURN_SENT_BACK_V1,
          { cycleId: target.cycleId, messageId: current.messageId, comment: comment! },
          { coopId: target.coopId },
        );
      }
      return {
        reviewId,
        cycleId: target.cycleId,
        coopId: target.coopId,
        messageId: current.messageId,
        decision,
        comment,
        reviewedBy: by.subject,
        reviewedAt: new Date(row.reviewed_at).toISOString(),
      };
    });
    this.relay.nudge();
    return made;
  }

  private async periodOf(m: EntityManager, cycleId: string, coopId: string): Promise<string> {
    const [cycle] = await m.query('SELECT period_label FROM return_cycle WHERE id = $1', [cycleId]);
    if (!cycle) throw ReportingErrors.cycleNotFound(cycleId);
    const [coop] = await m.query('SELECT 1 FROM coop WHERE id = $1', [coopId]);
    if (!coop) throw ReportingErrors.coopNotFound(coopId);
    return cycle.period_label;
  }
}
