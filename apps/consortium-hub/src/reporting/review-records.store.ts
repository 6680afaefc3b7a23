import { EntityManager } from 'typeorm';

import { LatestReview, ReviewDecision } from './review.rules';

/**
 * The reads that sign-off and the arrival of a return share, inside the caller's transaction. A
 * review and a return for the same co-op and cycle must not interleave (staff would approve a return
 * already replaced, or a return would slip past an approval), so both take the same lock first.
 */
export async function lockCoopReturn(m: EntityManager, cycleId: string, coopId: string): Promise<void> {
  // A transaction-scoped advisory lock: held to commit, per co-op and cycle, without locking the cycle
  // row that every other co-op's return reads.
  await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`return-of:${cycleId}:${coopId}`]);
}

export interface CurrentReturn {
  messageId: string;
  submittedAt: Date;
  review: (LatestReview & { comment: string | null }) | null;
}

/** The co-op's current return for the cycle and its latest review (by reviewed_at, then id), if any. */
export async function currentReturnOf(m: EntityManager, cycleId: string, coopId: string): Promise<CurrentReturn | null> {
  const [row] = await m.query(
    `SELECT s.message_id, s.submitted_at, r.decision, r.comment, r.reviewed_at
       FROM return_submission s
       LEFT JOIN LATERAL (
         SELECT decision, comment, reviewed_at FROM return_review WHERE message_id = s.message_id ORDER BY reviewed_at DESC, id DESC LIMIT 1
       ) r ON true
      WHERE s.cycle_id = $1 AND s.coop_id = $2 AND s.superseded_at IS NULL`,
    [cycleId, coopId],
  );
  if (!row) return null;
  return {
    messageId: row.message_id,
    submittedAt: new Date(row.submitted_at),
    review: row.decision ? { decision: row.decision as ReviewDecision, reviewedAt: new Date(row.reviewed_at), comment: row.comment } : null,
  };
}

/** The latest end among the co-op's exceptions for the cycle, or null if it has none. */
export async function exceptionUntilOf(m: EntityManager, cycleId: string, coopId: string): Promise<Date | null> {
  const [row] = await m.query('SELECT max(until) AS until FROM return_exception WHERE cycle_id = $1 AND coop_id = $2', [cycleId, coopId]);
  return row?.until ? new Date(row.until) : null;
}
