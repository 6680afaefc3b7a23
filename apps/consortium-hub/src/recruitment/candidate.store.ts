import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { londonDay } from '@app/platform';

import { RecruitmentErrors } from './recruitment.errors';

export interface CandidateRow {
  id: string;
  email: string;
  signed_up_at: Date;
  last_active_at: Date;
}

/** Candidates' records: found by the signed-in id (never another's), made at the first sign-in, erased to a tombstone. */
@Injectable()
export class CandidateStore {
  /** The signed-in candidate's record, locked for the change that follows; an erased one is gone for good. */
  async lockOwn(m: EntityManager, candidateId: string): Promise<CandidateRow> {
    const [row]: CandidateRow[] = await m.query(
      'SELECT id, email, signed_up_at, last_active_at FROM candidate WHERE id = $1 AND erased_at IS NULL FOR UPDATE',
      [candidateId],
    );
    if (!row) throw RecruitmentErrors.candidateNotFound();
    return row;
  }

  /** The candidate signed in with this address: the one not erased, or a new one (an erased address starts afresh). */
  async signIn(m: EntityManager, email: string, now: Date): Promise<string> {
    const [existing]: { id: string }[] = await m.query('SELECT id FROM candidate WHERE email = $1 AND erased_at IS NULL FOR UPDATE', [
      email,
    ]);
    const id = existing?.id ?? randomUUID();
    if (existing) await m.query('UPDATE candidate SET last_active_at = $2 WHERE id = $1', [id, now]);
    else
      await m.query('INSERT INTO candidate (id, email, signed_up_month, signed_up_at, last_active_at) VALUES ($1, $2, $3, $4, $4)', [
        id,
        email,
        londonDay(now).slice(0, 7),
        now,
      ]);
    await m.query('INSERT INTO candidate_sign_in (id, candidate_id, signed_in_at) VALUES ($1, $2, $3)', [randomUUID(), id, now]);
    return id;
  }

  /**
   * Ends a candidate's record, leaving a tombstone with no personal data (its id, the month it signed
   * up, when and how it ended) so that counts still add up: the application, consents, sign-in history,
   * pool profiles and any code waiting for the address go, and the co-ops' requests keep only that they
   * happened. Requests still waiting must be ended first (HireRequestStore.endWaitingForCandidate).
   */
  async end(m: EntityManager, candidate: CandidateRow, endedAs: 'erased' | 'purged' | 'hired', now: Date): Promise<void> {
    const id = candidate.id;
    await m.query('UPDATE hire_request SET candidate_id = NULL WHERE candidate_id = $1', [id]);
    await m.query('DELETE FROM pool_profile WHERE candidate_id = $1', [id]);
    await m.query('DELETE FROM candidate_consent WHERE candidate_id = $1', [id]);
    await m.query('DELETE FROM candidate_application WHERE candidate_id = $1', [id]);
    await m.query('DELETE FROM candidate_sign_in WHERE candidate_id = $1', [id]);
    await m.query('DELETE FROM candidate_sign_in_code WHERE email = $1', [candidate.email]);
    await m.query(
      `UPDATE candidate SET email = NULL, signed_up_at = NULL, last_active_at = NULL, reminded_at = NULL, erased_at = $2, ended_as = $3 WHERE id = $1`,
      [id, now, endedAs],
    );
  }

  async touch(m: EntityManager, candidateId: string, now: Date): Promise<void> {
    await m.query('UPDATE candidate SET last_active_at = $2 WHERE id = $1', [candidateId, now]);
  }
}
