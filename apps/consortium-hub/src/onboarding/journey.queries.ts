import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { CoopStatus, ONBOARDING_STAGES, OnboardingStage } from '@app/contracts';
import { pageOf } from '@app/platform';

import { HubConfig } from '../config/hub.config';
import { HUB_CONFIG } from '../config/hub-config.token';
import { closedStages, firstOpenStage, isStalled, StageAction } from './journey.rules';
import { EvidenceView, JourneyPage, JourneySummaryView, JourneyView, ListJourneysQuery, StageEventView, StageView } from './onboarding.dto';
import { OnboardingErrors } from './onboarding.errors';

interface SummaryRow {
  id: string;
  coop_id: string;
  name: string;
  sponsor_coop_id: string;
  status: CoopStatus;
  started_at: Date;
  last_closed_at: Date | null;
  closed: OnboardingStage[];
  templates_shared_at: Date | null;
}

interface EventRow {
  stage: OnboardingStage;
  action: StageAction;
  evidence_what: string | null;
  evidence_reference: string | null;
  evidence_date: string | null;
  reason: string | null;
  by_whom: string;
  at: Date;
}

const SUMMARY_SQL = `
  SELECT j.id, j.coop_id, c.name, j.sponsor_coop_id, c.status, j.started_at, t.shared_at AS templates_shared_at,
         (SELECT max(e.at) FROM onboarding_stage_event e WHERE e.journey_id = j.id AND e.action = 'closed') AS last_closed_at,
         COALESCE((SELECT array_agg(l.stage) FROM (SELECT DISTINCT ON (e.stage) e.stage, e.action FROM onboarding_stage_event e
                    WHERE e.journey_id = j.id ORDER BY e.stage, e.id DESC) l WHERE l.action = 'closed'), '{}') AS closed
    FROM onboarding_journey j
    JOIN coop c ON c.id = j.coop_id
    LEFT JOIN onboarding_template t ON t.journey_id = j.id`;

/**
 * Journeys as staff and commissioners read them. The list is worked out in full and then paged: a
 * consortium starts a handful of journeys a year, and whether one is stalled is a rule (journey.rules.ts)
 * better kept in one place than restated in SQL.
 */
@Injectable()
export class JourneyQueries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  async list(query: ListJourneysQuery): Promise<JourneyPage> {
    const rows: SummaryRow[] = await this.dataSource.query(
      `${SUMMARY_SQL}
        WHERE ($1::text IS NULL OR j.sponsor_coop_id = $1) AND ($2::text IS NULL OR c.status = $2)
        ORDER BY j.started_at DESC, j.id`,
      [query.sponsor ?? null, query.status ?? null],
    );
    const now = new Date();
    const all = rows.map((r) => this.summary(r, now)).filter((j) => query.stalled === undefined || String(j.stalled) === query.stalled);
    return pageOf(all.slice(query.offset, query.offset + query.limit), all.length, query);
  }

  async get(id: string): Promise<JourneyView> {
    const [row]: (SummaryRow & {
      sponsor_name: string;
      proposed_by: string;
      proposal_message_id: string | null;
      runner: { displayName: string; roleTitle?: string; publicEmail?: string; publicPhone?: string };
      registered_by: string | null;
      trading_by: string | null;
    })[] = await this.dataSource.query(
      `SELECT s.*, sp.name AS sponsor_name, j.proposed_by, j.proposal_message_id, j.runner, j.registered_by, j.trading_by
         FROM (${SUMMARY_SQL} WHERE j.id = $1) s
         JOIN onboarding_journey j ON j.id = s.id
         JOIN coop sp ON sp.id = j.sponsor_coop_id`,
      [id],
    );
    if (!row) throw OnboardingErrors.journeyNotFound(id);
    const events: EventRow[] = await this.dataSource.query(
      `SELECT stage, action, evidence_what, evidence_reference, evidence_date, reason, by_whom, at
         FROM onboarding_stage_event WHERE journey_id = $1 ORDER BY id`,
      [id],
    );
    const history = events.map(eventView);
    return {
      ...this.summary(row, new Date()),
      sponsorName: row.sponsor_name,
      proposedBy: row.proposed_by,
      proposalId: row.proposal_message_id,
      runner: {
        displayName: row.runner.displayName,
        roleTitle: row.runner.roleTitle ?? null,
        publicEmail: row.runner.publicEmail ?? null,
        publicPhone: row.runner.publicPhone ?? null,
      },
      targets: { registeredBy: row.registered_by, tradingBy: row.trading_by },
      templatesSharedAt: row.templates_shared_at ? new Date(row.templates_shared_at).toISOString() : null,
      stages: stageViews(history),
      history,
    };
  }

  private summary(r: SummaryRow, now: Date): JourneySummaryView {
    const closed = new Set(r.closed);
    const startedAt = new Date(r.started_at);
    const lastProgressAt = r.last_closed_at && new Date(r.last_closed_at) > startedAt ? new Date(r.last_closed_at) : startedAt;
    return {
      id: r.id,
      coopId: r.coop_id,
      name: r.name,
      sponsorCoopId: r.sponsor_coop_id,
      status: r.status,
      currentStage: firstOpenStage(closed),
      stagesClosed: closed.size,
      startedAt: startedAt.toISOString(),
      lastProgressAt: lastProgressAt.toISOString(),
      stalled: isStalled(lastProgressAt, closed.has('trading'), now, this.config.ONBOARDING_STALL_DAYS),
      templatesShared: r.templates_shared_at !== null,
    };
  }
}

function eventView(e: EventRow): StageEventView {
  const evidence: EvidenceView | null =
    e.action === 'closed' ? { what: e.evidence_what!, reference: e.evidence_reference!, date: e.evidence_date! } : null;
  return { stage: e.stage, action: e.action, evidence, reason: e.reason, by: e.by_whom, at: new Date(e.at).toISOString() };
}

/** Each stage as its latest event left it. */
function stageViews(history: StageEventView[]): StageView[] {
  const closed = closedStages(history);
  return ONBOARDING_STAGES.map((stage, i) => {
    const latest = history.filter((e) => e.stage === stage).at(-1);
    const isClosed = closed.has(stage);
    const reopened = latest?.action === 'reopened' ? latest : null;
    return {
      stage,
      position: i + 1,
      state: isClosed ? 'closed' : 'open',
      evidence: isClosed ? latest!.evidence : null,
      closedBy: isClosed ? latest!.by : null,
      closedAt: isClosed ? latest!.at : null,
      reopenReason: reopened?.reason ?? null,
      reopenedBy: reopened?.by ?? null,
      reopenedAt: reopened?.at ?? null,
    };
  });
}
