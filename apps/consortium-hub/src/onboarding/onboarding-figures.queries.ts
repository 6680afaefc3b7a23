import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { CoopStatus, ONBOARDING_STAGES, OnboardingStage } from '@app/contracts';

import { HubConfig } from '../config/hub.config';
import { HUB_CONFIG } from '../config/hub-config.token';
import { consortiumDay, isStalled } from './journey.rules';
import { JourneyFiguresView, OnboardingFiguresView } from './onboarding-figures.dto';
import { currentStage, daysToTrading, JourneyTimes, stageTimes, summarise, windowStart } from './onboarding-figures.rules';

const DAY_MS = 86_400_000;

/**
 * How the consortium grows: time in each stage and to trading, per journey and across them, the journeys
 * stalled, and the member co-ops that have not sent a runner lately. Organisations only: no person.
 */
@Injectable()
export class OnboardingFiguresQueries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  async figures(now = new Date()): Promise<OnboardingFiguresView> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const rows: {
        id: string;
        coop_id: string;
        sponsor_coop_id: string;
        started_at: Date;
        name: string;
        status: CoopStatus;
        last_closed_at: Date | null;
      }[] = await m.query(
        `SELECT j.id, j.coop_id, j.sponsor_coop_id, j.started_at, c.name, c.status,
                  (SELECT max(e.at) FROM onboarding_stage_event e WHERE e.journey_id = j.id AND e.action = 'closed') AS last_closed_at
             FROM onboarding_journey j JOIN coop c ON c.id = j.coop_id
            ORDER BY j.started_at, j.id`,
      );
      const latest: { journey_id: string; stage: OnboardingStage; action: string; evidence_date: string | null }[] = await m.query(
        `SELECT DISTINCT ON (journey_id, stage) journey_id, stage, action, evidence_date::text AS evidence_date
           FROM onboarding_stage_event ORDER BY journey_id, stage, id DESC`,
      );
      const closed = new Map<string, Partial<Record<OnboardingStage, string>>>();
      for (const e of latest) {
        if (e.action !== 'closed' || !e.evidence_date) continue;
        closed.set(e.journey_id, { ...(closed.get(e.journey_id) ?? {}), [e.stage]: e.evidence_date });
      }
      const journeys: (JourneyTimes & { name: string; status: CoopStatus })[] = rows.map((r) => ({
        journeyId: r.id,
        coopId: r.coop_id,
        sponsorCoopId: r.sponsor_coop_id,
        startedOn: consortiumDay(r.started_at),
        closedOn: closed.get(r.id) ?? {},
        lastProgressAt: r.last_closed_at && r.last_closed_at > r.started_at ? r.last_closed_at : r.started_at,
        name: r.name,
        status: r.status,
      }));
      const stall = this.config.ONBOARDING_STALL_DAYS;
      const perJourney: JourneyFiguresView[] = journeys.map((j) => ({
        journeyId: j.journeyId,
        coopId: j.coopId,
        coopName: j.name,
        sponsorCoopId: j.sponsorCoopId,
        status: j.status,
        startedOn: j.startedOn,
        currentStage: currentStage(j),
        stages: stageTimes(j),
        daysToTrading: daysToTrading(j),
        stalled: isStalled(j.lastProgressAt, !!j.closedOn.trading, now, stall),
        lastProgressAt: j.lastProgressAt.toISOString(),
      }));
      const from = windowStart(now, this.config.ONBOARDING_RUNNER_WINDOW_MONTHS);
      const noRunner: { id: string; name: string; status: CoopStatus; last_started: string | null }[] = await m.query(
        `SELECT c.id, c.name, c.status, (SELECT (max(j.started_at) AT TIME ZONE 'Europe/London')::date::text FROM onboarding_journey j WHERE j.sponsor_coop_id = c.id) AS last_started
           FROM coop c
          WHERE c.status IN ('registered', 'trading')
            AND NOT EXISTS (SELECT 1 FROM onboarding_journey j WHERE j.sponsor_coop_id = c.id AND j.started_at >= ($1::date)::timestamp AT TIME ZONE 'Europe/London')
          ORDER BY c.name, c.id`,
        [from],
      );
      return {
        generatedAt: now.toISOString(),
        settings: { stallDays: stall, runnerWindowMonths: this.config.ONBOARDING_RUNNER_WINDOW_MONTHS, windowStartsOn: from },
        journeys: perJourney,
        consortium: {
          stages: ONBOARDING_STAGES.map((stage) => ({
            stage,
            ...summarise(perJourney.map((j) => j.stages.find((s) => s.stage === stage)!.days).filter((d): d is number => d !== null)),
          })),
          timeToTrading: summarise(perJourney.map((j) => j.daysToTrading).filter((d): d is number => d !== null)),
          journeys: {
            total: perJourney.length,
            trading: perJourney.filter((j) => j.daysToTrading !== null).length,
            stalled: perJourney.filter((j) => j.stalled).length,
          },
        },
        stalled: perJourney
          .filter((j) => j.stalled)
          .map((j) => ({
            journeyId: j.journeyId,
            coopId: j.coopId,
            coopName: j.coopName,
            sponsorCoopId: j.sponsorCoopId,
            currentStage: j.currentStage!,
            lastProgressAt: j.lastProgressAt,
            daysSinceProgress: Math.floor((now.getTime() - Date.parse(j.lastProgressAt)) / DAY_MS),
          })),
        noRunnerInWindow: noRunner.map((r) => ({ coopId: r.id, name: r.name, status: r.status, lastJourneyStartedOn: r.last_started })),
      };
    });
  }
}
