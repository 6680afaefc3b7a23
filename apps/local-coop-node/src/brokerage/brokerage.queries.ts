import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { AnswerKind, DeclineReason, FundingType, GoneReason, ServiceType, TimeOfDay } from '@app/contracts';

import { AnswerSentView, NodeRequestView, PlacementView } from './brokerage.dto';
import { BrokerageErrors } from './brokerage.errors';
import { NodeRequestStatus, nodeRequestStatus } from './brokerage.rules';

interface TermsRow {
  request_id: string;
  locality: string;
  service_types: ServiceType[];
  minutes_per_week: number;
  visits_per_day: number;
  days_per_week: number;
  times_of_day: TimeOfDay[];
  carers_per_visit: number;
  starts_on: string;
  funding_type: FundingType;
  answer_by: Date | null;
}

interface RequestRow extends TermsRow {
  posted_at: Date;
  placed: boolean;
  gone_reason: GoneReason | null;
  gone_at: Date | null;
  answer_was_late: boolean | null;
  message_id: string | null;
  kind: AnswerKind | null;
  can_start_on: string | null;
  times_of_day_covered: TimeOfDay[] | null;
  days_per_week_covered: number | null;
  decline_reason: DeclineReason | null;
  note: string | null;
  answered_at: Date | null;
  hub_status: string | null;
  last_error: string | null;
}

const REQUESTS = `
  SELECT r.*, EXISTS (SELECT 1 FROM brokerage_placement p WHERE p.request_id = r.request_id) AS placed,
         g.reason AS gone_reason, g.gone_at, g.answer_was_late,
         a.message_id, a.kind, a.can_start_on, a.times_of_day_covered, a.days_per_week_covered, a.decline_reason, a.note, a.answered_at,
         o.status AS hub_status, o.last_error
    FROM brokerage_request r
    LEFT JOIN brokerage_gone g ON g.request_id = r.request_id
    LEFT JOIN brokerage_answer_sent a ON a.request_id = r.request_id
    LEFT JOIN outbox_message o ON o.id = a.message_id`;

const patternOf = (r: TermsRow) => ({
  visitsPerDay: r.visits_per_day,
  daysPerWeek: r.days_per_week,
  timesOfDay: r.times_of_day,
  carersPerVisit: r.carers_per_visit,
});

/** The co-op admin's reads: package requests (soonest start first) and the placements won. */
@Injectable()
export class BrokerageQueries {
  constructor(private readonly dataSource: DataSource) {}

  async requests(status?: NodeRequestStatus): Promise<NodeRequestView[]> {
    const rows: RequestRow[] = await this.dataSource.query(`${REQUESTS} ORDER BY r.starts_on, r.posted_at, r.request_id`);
    return rows.map(viewOf).filter((v) => !status || v.status === status);
  }

  async request(id: string): Promise<NodeRequestView> {
    const [row]: RequestRow[] = await this.dataSource.query(`${REQUESTS} WHERE r.request_id = $1`, [id]);
    if (!row) throw BrokerageErrors.requestNotFound(id);
    return viewOf(row);
  }

  async placements(): Promise<PlacementView[]> {
    const rows: PlacementRow[] = await this.dataSource.query(`${PLACEMENT_SQL} ORDER BY p.starts_on, p.accepted_at, p.request_id`);
    return rows.map(placementOf);
  }

  async placement(requestId: string, m?: EntityManager): Promise<PlacementView> {
    const [row]: PlacementRow[] = await (m ?? this.dataSource).query(`${PLACEMENT_SQL} WHERE p.request_id = $1`, [requestId]);
    if (!row) throw BrokerageErrors.placementNotFound(requestId);
    return placementOf(row);
  }
}

function viewOf(r: RequestRow): NodeRequestView {
  const answerSent: AnswerSentView | null =
    r.message_id && r.kind && r.answered_at
      ? {
          messageId: r.message_id,
          answer: r.kind,
          canStartOn: r.can_start_on,
          timesOfDayCovered: r.times_of_day_covered,
          daysPerWeekCovered: r.days_per_week_covered,
          declineReason: r.decline_reason,
          note: r.note,
          answeredAt: new Date(r.answered_at).toISOString(),
          hubAnswer: r.hub_status === 'confirmed' ? 'applied' : r.hub_status === 'rejected' ? 'rejected' : 'waiting',
          hubReason: r.hub_status === 'rejected' ? r.last_error : null,
        }
      : null;
  return {
    requestId: r.request_id,
    status: nodeRequestStatus({ placed: r.placed, gone: r.gone_reason !== null, answered: answerSent !== null }),
    locality: r.locality,
    serviceTypes: r.service_types,
    hoursPerWeek: r.minutes_per_week / 60,
    visitPattern: patternOf(r),
    startsOn: r.starts_on,
    fundingType: r.funding_type,
    answerBy: r.answer_by ? new Date(r.answer_by).toISOString() : null,
    postedAt: new Date(r.posted_at).toISOString(),
    answerSent,
    goneReason: r.gone_reason,
    goneAt: r.gone_at ? new Date(r.gone_at).toISOString() : null,
    answerWasLate: r.answer_was_late ?? false,
  };
}

const PLACEMENT_SQL = `SELECT p.*, s.started_on AS care_started_on FROM brokerage_placement p LEFT JOIN service_user s ON s.id = p.service_user_id`;

type PlacementRow = TermsRow & {
  council_reference: string;
  can_start_on: string;
  accepted_at: Date;
  service_user_id: string | null;
  care_started_on: string | null;
  care_started_at: Date | null;
};

function placementOf(p: PlacementRow): PlacementView {
  return {
    requestId: p.request_id,
    councilReference: p.council_reference,
    locality: p.locality,
    serviceTypes: p.service_types,
    hoursPerWeek: p.minutes_per_week / 60,
    visitPattern: patternOf(p),
    startsOn: p.starts_on,
    canStartOn: p.can_start_on,
    fundingType: p.funding_type,
    acceptedAt: new Date(p.accepted_at).toISOString(),
    care:
      p.service_user_id && p.care_started_on && p.care_started_at
        ? { serviceUserId: p.service_user_id, startedOn: p.care_started_on, recordedAt: new Date(p.care_started_at).toISOString() }
        : null,
  };
}
