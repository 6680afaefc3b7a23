import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { OutboxRelay } from '@app/federation';

import { CandidateStore } from './candidate.store';
import { HireRequestStore } from './hire-request.store';

/**
 * Erases the candidate (UK GDPR Art. 17), at once: every co-op request still waiting for them ends
 * ('withdrawn', and the co-op is told), then the record becomes a tombstone with no personal data
 * (CandidateStore.end). The same address may sign up again, afresh.
 */
@Injectable()
export class EraseCandidate {
  constructor(
    private readonly dataSource: DataSource,
    private readonly candidates: CandidateStore,
    private readonly requests: HireRequestStore,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(candidateId: string, now = new Date()): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const candidate = await this.candidates.lockOwn(m, candidateId);
      await this.requests.endWaitingForCandidate(m, candidateId, 'withdrawn', now);
      await this.candidates.end(m, candidate, 'erased', now);
    });
    this.relay.nudge();
  }
}
