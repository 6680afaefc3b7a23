import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { CandidateRow } from './candidate.store';
import { rowsOf } from './hire-request.store';

export interface RetentionCandidateRow extends CandidateRow {
  reminded_at: Date | null;
}

/**
 * What retention reads and writes of candidates: the ones that look due (read without a lock, each then
 * locked and judged again), one candidate locked unless another transaction holds it, the reminder
 * recorded, and sign-in codes long expired deleted.
 */
@Injectable()
export class RetentionStore {
  /** Candidates last active at or before `cutoff` and not reminded since, oldest first. */
  async dueForReminder(m: EntityManager, cutoff: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM candidate
        WHERE erased_at IS NULL AND last_active_at <= $1 AND (reminded_at IS NULL OR reminded_at < last_active_at)
        ORDER BY last_active_at, id LIMIT $2`,
      [cutoff, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Candidates last active at or before `inactiveSince`, reminded since, at or before `remindedBy`, oldest first. */
  async dueForPurge(m: EntityManager, inactiveSince: Date, remindedBy: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM candidate
        WHERE erased_at IS NULL AND last_active_at <= $1 AND reminded_at >= last_active_at AND reminded_at <= $2
        ORDER BY last_active_at, id LIMIT $3`,
      [inactiveSince, remindedBy, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * The candidate, locked until the transaction ends; null when erased, or held by another transaction (a
   * sign-in, a change of their own, or this job on another hub instance), which a later sweep judges again.
   */
  async lockIfFree(m: EntityManager, candidateId: string): Promise<RetentionCandidateRow | null> {
    const [row]: RetentionCandidateRow[] = await m.query(
      `SELECT id, email, signed_up_at, last_active_at, reminded_at FROM candidate
        WHERE id = $1 AND erased_at IS NULL FOR UPDATE SKIP LOCKED`,
      [candidateId],
    );
    return row ?? null;
  }

  async recordReminder(m: EntityManager, candidateId: string, now: Date): Promise<void> {
    await m.query('UPDATE candidate SET reminded_at = $2 WHERE id = $1', [candidateId, now]);
  }

  /** Deletes every sign-in code that expired before `before`; returns how many. */
  async deleteCodesExpiredBefore(m: EntityManager, before: Date): Promise<number> {
    const deleted: { one: number }[] | [{ one: number }[], number] = await m.query(
      'DELETE FROM candidate_sign_in_code WHERE expires_at < $1 RETURNING 1 AS one',
      [before],
    );
    return rowsOf(deleted).length;
  }
}
