import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { OnboardingStage } from '@app/contracts';
import { Principal } from '@app/platform';

import { closedStages, closeViolation, consortiumDay, evidenceDateProblem, previousStage } from './journey.rules';
import { JourneyStore } from './journey.store';
import { EvidenceDto } from './onboarding.dto';
import { OnboardingErrors } from './onboarding.errors';

/**
 * Staff close a stage of a journey with its evidence: only the first open stage closes (stages close in
 * order), the evidence dated by the rules of journey.rules.ts; the co-op's registry status follows in the
 * same transaction.
 */
@Injectable()
export class CloseStage {
  constructor(
    private readonly dataSource: DataSource,
    private readonly journeys: JourneyStore,
  ) {}

  async execute(journeyId: string, stage: OnboardingStage, evidence: EvidenceDto, by: Principal): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const journey = await this.journeys.lock(m, journeyId);
      const closed = closedStages(journey.events);
      const violation = closeViolation(stage, closed);
      if (violation) throw OnboardingErrors.close(violation);
      const before = previousStage(stage);
      // The stage before is closed (or there is none): its evidence is its latest closing's.
      const beforeDate = before ? journey.events.filter((e) => e.stage === before && e.action === 'closed').at(-1)?.evidenceDate : null;
      const problem = evidenceDateProblem(evidence.date, {
        today: consortiumDay(new Date()),
        startedOn: consortiumDay(journey.startedAt),
        previous: before && beforeDate ? { stage: before, date: beforeDate } : null,
      });
      if (problem) throw OnboardingErrors.evidenceDate(problem);
      await this.journeys.append(m, journeyId, {
        stage,
        action: 'closed',
        evidence: { what: evidence.what, reference: evidence.reference, date: evidence.date },
        by: by.subject,
      });
      closed.add(stage);
      await this.journeys.followStatus(m, journey.coopId, closed, `stage ${stage} closed`);
    });
  }
}
