import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { ReturnRequestView, ReturnSentView } from './reporting.dto';
import { ReviewDecision, shownReviewState } from './return-review.rules';

interface ReturnRequestRow {
  cycle_id: string;
  definition_id: string;
  definition_version: number;
  period_label: string;
  period_start: string;
  period_end: string;
  due_at: Date;
  review_state: ReviewDecision | null;
  review_comment: string | null;
  reviewed_message_id: string | null;
  reviewed_at: Date | null;
  latest_live_message_id: string | null;
  returns: ReturnSentView[];
}

/** The hub's requests for returns and what this co-op sent for each: the admin's reporting inbox. */
@Injectable()
export class ReturnRequestQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Every request, newest first, with each return sent, what the hub said of it (its receipt), and
   * consortium staff's review: the state of the latest return the hub has not refused, and the comment
   * of the last send-back (kept after a resubmission, so the admin can still read it).
   */
  async list(): Promise<ReturnRequestView[]> {
    const rows: ReturnRequestRow[] = await this.dataSource.query(
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
    return rows.map(toReturnRequestView);
  }
}

function toReturnRequestView(r: ReturnRequestRow): ReturnRequestView {
  return {
    cycleId: r.cycle_id,
    definition: `${r.definition_id} v${r.definition_version}`,
    period: { label: r.period_label, start: r.period_start, end: r.period_end },
    dueAt: new Date(r.due_at).toISOString(),
    returns: r.returns,
    review: {
      state: shownReviewState(
        r.latest_live_message_id,
        r.reviewed_message_id && r.review_state ? { messageId: r.reviewed_message_id, state: r.review_state } : null,
      ),
      comment: r.review_comment,
      reviewedMessageId: r.reviewed_message_id,
      reviewedAt: r.reviewed_at ? new Date(r.reviewed_at).toISOString() : null,
    },
  };
}
