import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';

import { ONBOARDING_STAGES } from '@app/contracts';
import { ukDateTime, ukDayOf } from '@app/web';

import { JourneyQueries, ListJourneysQuery } from '../onboarding';
import { LineageQueries } from '../registry';
import { familyTree } from './family-tree.rules';
import { stageLabel } from './journey-pages.rules';
import { statusLabel } from './registry-pages.rules';

/** How many journeys the onboarding page lists, newest first: a consortium starts a handful a year. */
const JOURNEYS_SHOWN = 500;

/**
 * What the onboarding pages show, read through the onboarding API's own queries (GET /onboarding/journeys
 * and /:id) and the registry's family tree (GET /coops/lineage). The runner's name and contacts are left
 * out: the hub's pages show no person.
 */
@Injectable()
export class JourneyPages {
  constructor(
    private readonly journeys: JourneyQueries,
    private readonly lineage: LineageQueries,
  ) {}

  async overview() {
    const [page, lineage] = await Promise.all([
      this.journeys.list(plainToInstance(ListJourneysQuery, { limit: JOURNEYS_SHOWN })),
      this.lineage.lineage(),
    ]);
    const names = new Map(lineage.coops.map((c) => [c.id, c.name]));
    return {
      journeys: page.items.map((j) => ({
        ...j,
        sponsorName: names.get(j.sponsorCoopId) ?? j.sponsorCoopId,
        statusText: statusLabel(j.status),
        currentStageText: j.currentStage ? stageLabel(j.currentStage) : 'Trading: every stage closed',
        stages: ONBOARDING_STAGES.length,
        startedOn: ukDayOf(j.startedAt),
        lastProgressOn: ukDayOf(j.lastProgressAt),
      })),
      total: page.total,
      tree: familyTree(lineage.roots, lineage.coops),
      generations: lineage.generations,
      coops: lineage.coops.length,
    };
  }

  async journey(id: string) {
    const journey = await this.journeys.get(id);
    const closed = journey.stages.filter((s) => s.state === 'closed');
    const latestClosed = closed.at(-1)?.stage ?? null;
    return {
      journey: {
        id: journey.id,
        coopId: journey.coopId,
        name: journey.name,
        sponsorCoopId: journey.sponsorCoopId,
        sponsorName: journey.sponsorName,
        status: journey.status,
        statusText: statusLabel(journey.status),
        currentStage: journey.currentStage,
        stagesClosed: journey.stagesClosed,
        startedOn: ukDayOf(journey.startedAt),
        lastProgressOn: ukDayOf(journey.lastProgressAt),
        stalled: journey.stalled,
        templatesShared: journey.templatesShared,
        targets: journey.targets,
      },
      stages: journey.stages.map((s) => ({
        ...s,
        label: stageLabel(s.stage),
        closedAtText: ukDateTime(s.closedAt),
        reopenedAtText: ukDateTime(s.reopenedAt),
        closable: s.stage === journey.currentStage,
        reopenable: s.stage === latestClosed,
      })),
      history: journey.history.map((e) => ({ ...e, label: stageLabel(e.stage), atText: ukDateTime(e.at) })),
      current: journey.currentStage ? { stage: journey.currentStage, label: stageLabel(journey.currentStage) } : null,
      latestClosed: latestClosed ? { stage: latestClosed, label: stageLabel(latestClosed) } : null,
      registered: journey.stages.some((s) => s.stage === 'registered' && s.state === 'closed'),
    };
  }
}
