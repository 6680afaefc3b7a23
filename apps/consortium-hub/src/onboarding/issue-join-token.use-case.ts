import { randomUUID } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Principal } from '@app/platform';

import { HubConfig } from '../config/hub.config';
import { HUB_CONFIG } from '../config/hub-config.token';
import { JoinTokenIssuedView } from './join.dto';
import { JoinErrors } from './join.errors';
import { hubUrlFor, joinCommand, joinIssueProblem, joinTokenExpiry, joinTokenHash, newJoinToken } from './join-token.rules';
import { JoinTokenStore } from './join-token.store';

/**
 * Staff issue a single-use join token for a journey whose co-op is registered as a society and has no
 * key yet. The token is answered this once; the hub keeps its hash. Issuing again revokes the earlier
 * waiting tokens, so at most one works at a time.
 */
@Injectable()
export class IssueJoinToken {
  private readonly logger = new Logger(IssueJoinToken.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: JoinTokenStore,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  async execute(journeyId: string, by: Principal, now = new Date()): Promise<JoinTokenIssuedView> {
    const token = newJoinToken();
    const issued = await this.dataSource.transaction(async (m) => {
      const journey = await this.store.lockJourney(m, journeyId);
      if (!journey) throw JoinErrors.journeyNotFound(journeyId);
      const problem = joinIssueProblem(journey);
      if (problem) throw JoinErrors.cannotIssue(problem, journey.coopId);
      const revokedEarlier = await this.store.revokeWaiting(m, journeyId, now);
      const id = randomUUID();
      const expiresAt = joinTokenExpiry(now, this.config.ONBOARDING_JOIN_TOKEN_HOURS);
      await this.store.insert(m, {
        id,
        journeyId,
        coopId: journey.coopId,
        sha256: joinTokenHash(token),
        issuedBy: by.subject,
        issuedAt: now,
        expiresAt,
      });
      return { id, coopId: journey.coopId, expiresAt, revokedEarlier };
    });
    this.logger.log({ msg: 'join token issued', tokenId: issued.id, coopId: issued.coopId, revokedEarlier: issued.revokedEarlier });
    return {
      id: issued.id,
      journeyId,
      coopId: issued.coopId,
      token,
      expiresAt: issued.expiresAt.toISOString(),
      command: joinCommand(hubUrlFor(this.config), token),
      revokedEarlier: issued.revokedEarlier,
    };
  }
}
