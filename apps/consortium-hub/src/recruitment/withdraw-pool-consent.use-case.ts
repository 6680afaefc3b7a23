import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { OutboxRelay } from '@app/federation';

import { CandidateStore } from './candidate.store';
import { HireRequestStore } from './hire-request.store';
import { RecruitmentErrors } from './recruitment.errors';

/**
 * Withdraws consent to the pool, at once: the consent stays as a record with the time it ended, and
 * from that commit on the candidate is out of the pool (every later read of the pool asks for a live consent),
 * and every co-op request still waiting for them ends as withdrawn, the co-op told.
 */
@Injectable()
export class WithdrawPoolConsent {
  constructor(
    private readonly dataSource: DataSource,
    private readonly candidates: CandidateStore,
    private readonly requests: HireRequestStore,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(candidateId: string, now = new Date()): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await this.candidates.lockOwn(m, candidateId);
      // TypeORM answers an UPDATE as [rows, row count].
      const [, withdrawn]: [unknown[], number] = await m.query(
        "UPDATE candidate_consent SET withdrawn_at = $2 WHERE candidate_id = $1 AND kind = 'pool' AND withdrawn_at IS NULL RETURNING id",
        [candidateId, now],
      );
      if (!withdrawn) throw RecruitmentErrors.notInPool();
      await this.requests.endWaitingForCandidate(m, candidateId, 'withdrawn', now);
      await this.candidates.touch(m, candidateId, now);
    });
    this.relay.nudge();
  }
}
