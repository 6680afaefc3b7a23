import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { OnboardingStage } from '@app/contracts';
import { Principal } from '@app/platform';

import { closedStages, reopenViolation } from './journey.rules';
import { JourneyStore } from './journey.store';
import { OnboardingErrors } from './onboarding.errors';

/**
 * Staff reopen a closed stage with a reason (a registration refused, a board that resigned): only the
 * latest closed stage reopens, so the closed stages stay the first few. Its closing stays in the history;
 * the co-op's registry status follows in the same transaction.
 */
@Injectable()
export class ReopenStage {
  constructor(
    private readonly dataSource: DataSource,
    private readonly journeys: JourneyStore,
  ) {}

  async execute(journeyId: string, stage: OnboardingStage, reason: string, by: Principal): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const journey = await this.journeys.lock(m, journeyId);
      const closed = closedStages(journey.events);
      const violation = reopenViolation(stage, closed);
      if (violation) throw OnboardingErrors.reopen(violation);
      await this.journeys.append(m, journeyId, { stage, action: 'reopened', reason, by: by.subject });
      closed.delete(stage);
      await this.journeys.followStatus(m, journey.coopId, closed, `stage ${stage} reopened: ${reason}`);
    });
  }
}
