import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { CoopStatus, OnboardingStage } from '@app/contracts';

import { setCoopStatus } from '../registry';
import { StageAction, statusToFollow } from './journey.rules';
import { OnboardingErrors } from './onboarding.errors';

export interface LockedJourney {
  readonly id: string;
  readonly coopId: string;
  readonly startedAt: Date;
  /** Oldest first. */
  readonly events: readonly { stage: OnboardingStage; action: StageAction; evidenceDate: string | null }[];
}

export type NewStageEvent =
  | { stage: OnboardingStage; action: 'closed'; evidence: { what: string; reference: string; date: string }; by: string }
  | { stage: OnboardingStage; action: 'reopened'; reason: string; by: string };

/**
 * Writes a journey's stages: each change locks the journey's row first, so two staff members closing or
 * reopening stages of one journey at once are taken one after the other, each against the stages the
 * other left. Events are only ever added.
 */
@Injectable()
export class JourneyStore {
  async lock(m: EntityManager, journeyId: string): Promise<LockedJourney> {
    const [row]: { coop_id: string; started_at: Date }[] = await m.query(
      'SELECT coop_id, started_at FROM onboarding_journey WHERE id = $1 FOR UPDATE',
      [journeyId],
    );
    if (!row) throw OnboardingErrors.journeyNotFound(journeyId);
    const events: { stage: OnboardingStage; action: StageAction; evidence_date: string | null }[] = await m.query(
      'SELECT stage, action, evidence_date FROM onboarding_stage_event WHERE journey_id = $1 ORDER BY id',
      [journeyId],
    );
    return {
      id: journeyId,
      coopId: row.coop_id,
      startedAt: new Date(row.started_at),
      events: events.map((e) => ({ stage: e.stage, action: e.action, evidenceDate: e.evidence_date })),
    };
  }

  async append(m: EntityManager, journeyId: string, e: NewStageEvent): Promise<void> {
    await m.query(
      `INSERT INTO onboarding_stage_event (journey_id, stage, action, evidence_what, evidence_reference, evidence_date, reason, by_whom, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())`,
      e.action === 'closed'
        ? [journeyId, e.stage, e.action, e.evidence.what, e.evidence.reference, e.evidence.date, null, e.by]
        : [journeyId, e.stage, e.action, null, null, null, e.reason, e.by],
    );
  }

  /**
   * Moves the co-op's registry status to what its closed stages give (statusForStages), with a row in its
   * status history, in the same transaction as the stage's change. A suspended co-op, or one that left,
   * keeps the status staff gave it.
   */
  async followStatus(m: EntityManager, coopId: string, closed: ReadonlySet<OnboardingStage>, why: string): Promise<void> {
    const [coop]: { status: CoopStatus }[] = await m.query('SELECT status FROM coop WHERE id = $1 FOR UPDATE', [coopId]);
    const next = statusToFollow(coop.status, closed);
    if (next) await setCoopStatus(m, { coopId, to: next, changedBy: 'journey', note: why.slice(0, 500) });
  }
}
