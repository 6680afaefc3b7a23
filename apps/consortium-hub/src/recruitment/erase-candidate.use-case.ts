import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { CandidateStore } from './candidate.store';

/**
 * Erases the candidate (UK GDPR Art. 17): the application, consents, sign-in history and any code
 * waiting for the address go, and the candidate row keeps only its id, the month it signed up and when
 * it was erased, so that counts of candidates still add up. The same address may sign up again, afresh.
 */
@Injectable()
export class EraseCandidate {
  constructor(
    private readonly dataSource: DataSource,
    private readonly candidates: CandidateStore,
  ) {}

  async execute(candidateId: string, now = new Date()): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const candidate = await this.candidates.lockOwn(m, candidateId);
      await m.query('DELETE FROM candidate_consent WHERE candidate_id = $1', [candidateId]);
      await m.query('DELETE FROM candidate_application WHERE candidate_id = $1', [candidateId]);
      await m.query('DELETE FROM candidate_sign_in WHERE candidate_id = $1', [candidateId]);
      await m.query('DELETE FROM candidate_sign_in_code WHERE email = $1', [candidate.email]);
      await m.query(
        `UPDATE candidate SET email = NULL, signed_up_at = NULL, last_active_at = NULL, erased_at = $2, ended_as = 'erased' WHERE id = $1`,
        [candidateId, now],
      );
    });
  }
}
