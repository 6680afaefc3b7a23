import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { PeriodType } from '@app/contracts';

import { CompletenessView, CycleView, SubmissionView, SubmittedReturnView } from './reporting.dto';
import { ReportingErrors } from './reporting.errors';
import { isLocked, lockTime, ReviewDecision, reviewStateOf } from './review.rules';

interface CycleRow {
  id: string;
  definition_id: string;
  definition_version: number;
  period_label: string;
  period_start: string;
  period_end: string;
  period_type: PeriodType;
  due_at: Date;
  opened_at: Date;
  lock_after_days: number;
}

interface SubmissionRow {
  message_id: string;
  coop_id: string;
  submitted_at: Date;
  received_at: Date;
  superseded_at: Date | null;
  figures: SubmittedReturnView;
}

export type CoopReturnState = 'submitted' | 'submitted-late' | 'awaited' | 'overdue';

/** Cycles, and per cycle who has answered, who is late and who has not answered at all. */
@Injectable()
export class CycleQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<CycleView[]> {
    const rows: (CycleRow & { coops_submitted: number })[] = await this.dataSource.query(
      `SELECT c.*, (SELECT count(DISTINCT coop_id)::int FROM return_submission s WHERE s.cycle_id = c.id) AS coops_submitted
         FROM return_cycle c ORDER BY c.period_start DESC, c.opened_at DESC`,
    );
    return rows.map((c) => ({
      id: c.id,
      definition: `${c.definition_id} v${c.definition_version}`,
      period: { label: c.period_label, type: c.period_type, start: c.period_start, end: c.period_end },
      dueAt: new Date(c.due_at).toISOString(),
      openedAt: new Date(c.opened_at).toISOString(),
      coopsSubmitted: c.coops_submitted,
    }));
  }

  /**
   * Completeness, timeliness and sign-off: every co-op that was asked (registered or trading, with a
   * key), its current return's review state, and whether the cycle has locked. Staff's comments to a
   * co-op (and its exception) are for consortium staff: a commissioner sees the state only.
   */
  async completeness(
    cycleId: string,
    now = new Date(),
    audience: 'consortium-staff' | 'commissioner' = 'commissioner',
  ): Promise<CompletenessView> {
    const [cycle]: CycleRow[] = await this.dataSource.query('SELECT * FROM return_cycle WHERE id = $1', [cycleId]);
    if (!cycle) throw ReportingErrors.cycleNotFound(cycleId);
    const rows: {
      id: string;
      name: string;
      submitted_at: Date | null;
      received_at: Date | null;
      submissions: number;
      decision: ReviewDecision | null;
      comment: string | null;
      reviewed_at: Date | null;
      exception_until: Date | null;
    }[] = await this.dataSource.query(
      `SELECT c.id, c.name, cur.submitted_at, cur.received_at, r.decision, r.comment, r.reviewed_at,
              (SELECT count(*)::int FROM return_submission s WHERE s.cycle_id = $1 AND s.coop_id = c.id) AS submissions,
              (SELECT max(e.until) FROM return_exception e WHERE e.cycle_id = $1 AND e.coop_id = c.id) AS exception_until
         FROM coop c
         LEFT JOIN return_submission cur ON cur.cycle_id = $1 AND cur.coop_id = c.id AND cur.superseded_at IS NULL
         LEFT JOIN LATERAL (
           SELECT decision, comment, reviewed_at FROM return_review WHERE message_id = cur.message_id ORDER BY reviewed_at DESC, id DESC LIMIT 1
         ) r ON true
        WHERE c.public_key IS NOT NULL AND (c.status IN ('registered', 'trading') OR EXISTS (SELECT 1 FROM return_submission s WHERE s.cycle_id = $1 AND s.coop_id = c.id))
        ORDER BY c.name, c.id`,
      [cycleId],
    );
    const due = new Date(cycle.due_at);
    const locksAt = lockTime(due, cycle.lock_after_days);
    const staff = audience === 'consortium-staff';
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    const coops = rows.map((r) => {
      const state: CoopReturnState = r.submitted_at
        ? new Date(r.submitted_at) > due
          ? 'submitted-late'
          : 'submitted'
        : now > due
          ? 'overdue'
          : 'awaited';
      const review = reviewStateOf(
        r.submitted_at !== null,
        r.decision ? { decision: r.decision, reviewedAt: new Date(r.reviewed_at!) } : null,
      );
      return {
        coopId: r.id,
        name: r.name,
        state,
        // When the node says it made the return (what counts against the lock), and when the hub got it:
        // a return made in time that reached the hub days later shows as such.
        submittedAt: iso(r.submitted_at),
        receivedAt: iso(r.received_at),
        submissions: r.submissions,
        review,
        reviewedAt: iso(r.reviewed_at),
        ...(staff ? { comment: r.comment, exceptionUntil: iso(r.exception_until) } : {}),
      };
    });
    const count = (s: CoopReturnState) => coops.filter((c) => c.state === s).length;
    return {
      cycleId,
      period: cycle.period_label,
      dueAt: due.toISOString(),
      lockAfterDays: cycle.lock_after_days,
      locksAt: locksAt.toISOString(),
      locked: isLocked(now, locksAt),
      asked: coops.length,
      submitted: count('submitted') + count('submitted-late'),
      late: count('submitted-late') + count('overdue'),
      notAnswered: count('awaited') + count('overdue'),
      approved: coops.filter((c) => c.review === 'approved').length,
      sentBack: coops.filter((c) => c.review === 'sent-back').length,
      awaitingReview: coops.filter((c) => c.review === 'pending').length,
      coops,
    };
  }

  /** Every return received for the cycle, superseded ones included (consortium staff only). */
  async submissions(cycleId: string): Promise<SubmissionView[]> {
    const [cycle]: unknown[] = await this.dataSource.query('SELECT 1 FROM return_cycle WHERE id = $1', [cycleId]);
    if (!cycle) throw ReportingErrors.cycleNotFound(cycleId);
    const rows: SubmissionRow[] = await this.dataSource.query(
      'SELECT * FROM return_submission WHERE cycle_id = $1 ORDER BY coop_id, submitted_at DESC',
      [cycleId],
    );
    return rows.map((s) => ({
      messageId: s.message_id,
      coopId: s.coop_id,
      submittedAt: new Date(s.submitted_at).toISOString(),
      receivedAt: new Date(s.received_at).toISOString(),
      current: s.superseded_at === null,
      supersededAt: s.superseded_at ? new Date(s.superseded_at).toISOString() : null,
      figures: s.figures,
    }));
  }
}
