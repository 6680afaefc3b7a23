import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReportingErrors } from './reporting.errors';

export type CoopReturnState = 'submitted' | 'submitted-late' | 'awaited' | 'overdue';

/** Cycles, and per cycle who has answered, who is late and who has not answered at all. */
@Injectable()
export class CycleQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<object[]> {
    const rows = await this.dataSource.query(
      `SELECT c.*, (SELECT count(DISTINCT coop_id)::int FROM return_submission s WHERE s.cycle_id = c.id) AS coops_submitted
         FROM return_cycle c ORDER BY c.period_start DESC, c.opened_at DESC`,
    );
    return rows.map((c: Record<string, any>) => ({
      id: c.id,
      definition: `${c.definition_id} v${c.definition_version}`,
      period: { label: c.period_label, start: c.period_start, end: c.period_end },
      dueAt: new Date(c.due_at).toISOString(),
      openedAt: new Date(c.opened_at).toISOString(),
      coopsSubmitted: c.coops_submitted,
    }));
  }

  /** Completeness and timeliness: every co-op that was asked (registered or trading, with a key). */
  async completeness(cycleId: string, now = new Date()): Promise<object> {
    const [cycle] = await this.dataSource.query('SELECT * FROM return_cycle WHERE id = $1', [cycleId]);
    if (!cycle) throw ReportingErrors.cycleNotFound(cycleId);
    const rows: { id: string; name: string; submitted_at: Date | null; submissions: number }[] = await this.dataSource.query(
      `SELECT c.id, c.name,
              (SELECT s.submitted_at FROM return_submission s WHERE s.cycle_id = $1 AND s.coop_id = c.id AND s.superseded_at IS NULL) AS submitted_at,
              (SELECT count(*)::int FROM return_submission s WHERE s.cycle_id = $1 AND s.coop_id = c.id) AS submissions
         FROM coop c
        WHERE c.public_key IS NOT NULL AND (c.status IN ('registered', 'trading') OR EXISTS (SELECT 1 FROM return_submission s WHERE s.cycle_id = $1 AND s.coop_id = c.id))
        ORDER BY c.name, c.id`,
      [cycleId],
    );
    const due = new Date(cycle.due_at);
    const coops = rows.map((r) => {
      const state: CoopReturnState = r.submitted_at ? (new Date(r.submitted_at) > due ? 'submitted-late' : 'submitted') : now > due ? 'overdue' : 'awaited';
      return { coopId: r.id, name: r.name, state, submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null, submissions: r.submissions };
    });
    const count = (s: CoopReturnState) => coops.filter((c) => c.state === s).length;
    return {
      cycleId,
      period: cycle.period_label,
      dueAt: due.toISOString(),
      asked: coops.length,
      submitted: count('submitted') + count('submitted-late'),
      late: count('submitted-late') + count('overdue'),
      notAnswered: count('awaited') + count('overdue'),
      coops,
    };
  }

  /** Every return received for the cycle, superseded ones included (consortium staff only). */
  async submissions(cycleId: string): Promise<object[]> {
    const [cycle] = await this.dataSource.query('SELECT 1 FROM return_cycle WHERE id = $1', [cycleId]);
    if (!cycle) throw ReportingErrors.cycleNotFound(cycleId);
    const rows = await this.dataSource.query('SELECT * FROM return_submission WHERE cycle_id = $1 ORDER BY coop_id, submitted_at DESC', [cycleId]);
    return rows.map((s: Record<string, any>) => ({
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
