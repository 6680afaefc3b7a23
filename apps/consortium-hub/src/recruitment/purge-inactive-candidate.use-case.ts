import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { HubConfig } from '../config/hub.config';
import { HUB_CONFIG } from '../config/hub-config.token';
import { CandidateStore } from './candidate.store';
import { HireRequestStore } from './hire-request.store';
import { purgeDue, retentionSettingsOf } from './retention.rules';
import { RetentionStore } from './retention.store';

/**
 * Purges one candidate inactive for the retention period and reminded long enough ago, judged again under
 * the candidate's lock: every co-op request still waiting for them ends ('withdrawn', the co-op told
 * durably), then the record becomes a tombstone ended as 'purged' (CandidateStore.end), in one transaction.
 */
@Injectable()
export class PurgeInactiveCandidate {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: RetentionStore,
    private readonly candidates: CandidateStore,
    private readonly requests: HireRequestStore,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  /** The requests ended, or null when this call purged nobody (not due under the lock, gone, or held elsewhere). */
  async execute(candidateId: string, now = new Date()): Promise<{ requestsEnded: number } | null> {
    const settings = retentionSettingsOf(this.config);
    return this.dataSource.transaction(async (m) => {
      const c = await this.store.lockIfFree(m, candidateId);
      if (!c || !purgeDue({ lastActiveAt: c.last_active_at, remindedAt: c.reminded_at }, now, settings)) return null;
      const requestsEnded = await this.requests.endWaitingForCandidate(m, c.id, 'withdrawn', now);
      await this.candidates.end(m, c, 'purged', now);
      return { requestsEnded };
    });
  }
}
