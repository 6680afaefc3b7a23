import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';

import { Roles, UuidParam } from '@app/platform';

import { shownReviewState } from './return-review.rules';
import { SubmitReturn } from './submit-return.use-case';

/** The hub's requests for returns and what this co-op sent for each: the admin's reporting inbox. */
@ApiTags('reporting')
@ApiBearerAuth()
@Roles('coop-admin')
@Controller('reporting/requests')
export class ReturnRequestsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly submitReturn: SubmitReturn,
  ) {}

  /**
   * Every request, newest first, with each return sent, what the hub said of it (its receipt), and
   * consortium staff's review: the state of the latest return the hub has not refused, and the comment
   * of the last send-back (kept after a resubmission, so the admin can still read it).
   */
  @Get()
  async list(): Promise<object[]> {
    const rows = await this.dataSource.query(
      `SELECT r.cycle_id, r.definition_id, r.definition_version, r.period_label, r.period_start, r.period_end, r.due_at,
              r.review_state, r.review_comment, r.reviewed_message_id, r.reviewed_at,
              (SELECT s.message_id FROM return_sent s JOIN outbox_message o ON o.id = s.message_id
                WHERE s.cycle_id = r.cycle_id AND o.status <> 'rejected' ORDER BY s.sent_at DESC LIMIT 1) AS latest_live_message_id,
              coalesce(json_agg(json_build_object('messageId', s.message_id, 'sentAt', s.sent_at, 'status', o.status, 'reason', o.last_error)
                                ORDER BY s.sent_at DESC) FILTER (WHERE s.message_id IS NOT NULL), '[]') AS returns
         FROM return_request r
         LEFT JOIN return_sent s ON s.cycle_id = r.cycle_id
         LEFT JOIN outbox_message o ON o.id = s.message_id
        GROUP BY r.cycle_id ORDER BY r.period_start DESC, r.cycle_id`,
    );
    return rows.map((r: Record<string, any>) => ({
      cycleId: r.cycle_id,
      definition: `${r.definition_id} v${r.definition_version}`,
      period: { label: r.period_label, start: r.period_start, end: r.period_end },
      dueAt: new Date(r.due_at).toISOString(),
      returns: r.returns,
      review: {
        state: shownReviewState(
          r.latest_live_message_id,
          r.reviewed_message_id ? { messageId: r.reviewed_message_id, state: r.review_state } : null,
        ),
        comment: r.review_comment,
        reviewedMessageId: r.reviewed_message_id,
        reviewedAt: r.reviewed_at ? new Date(r.reviewed_at).toISOString() : null,
      },
    }));
  }

  /** Computes the return now and sends it; a later one supersedes it on the hub. */
  @Post(':cycleId/submission')
  @HttpCode(202)
  submit(@UuidParam('cycleId') cycleId: string) {
    return this.submitReturn.execute(cycleId);
  }
}
