import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { OutboxRelay } from '@app/federation';

import { lockWaitingRequest } from './accept-hire-request.use-case';
import { CandidateStore } from './candidate.store';
import { CandidateRequestQueries } from './candidate-requests.queries';
import { HireRequestStore } from './hire-request.store';
import { CandidateRequestView } from './hiring.dto';

/** The candidate declines a co-op's request: the co-op is told, and may not ask them again. */
@Injectable()
export class DeclineHireRequest {
  constructor(
    private readonly dataSource: DataSource,
    private readonly candidates: CandidateStore,
    private readonly requests: HireRequestStore,
    private readonly queries: CandidateRequestQueries,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(candidateId: string, requestId: string, now = new Date()): Promise<CandidateRequestView> {
    const view = await this.dataSource.transaction(async (m) => {
      await this.candidates.lockOwn(m, candidateId);
      const request = await lockWaitingRequest(m, candidateId, requestId);
      await m.query(`UPDATE hire_request SET status = 'declined', answered_at = $2 WHERE id = $1`, [requestId, now]);
      await this.requests.tell(m, request.coop_id, requestId, 'declined');
      await this.candidates.touch(m, candidateId, now);
      return this.queries.request(candidateId, requestId, m);
    });
    this.relay.nudge();
    return view;
  }
}
