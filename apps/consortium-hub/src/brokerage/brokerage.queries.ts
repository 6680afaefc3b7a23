import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { CloseReason, DeclineReason, FundingType, ServiceType, TimeOfDay } from '@app/contracts';
import { addDays, Page, pageOf } from '@app/platform';

import { HubConfig } from '../config/hub.config';
import { HUB_CONFIG } from '../config/hub-config.token';
import { Connectivity } from '../registry';
import { AnswerView, BrokerageFiguresView, ListRequestsQuery, RequestDetailView, RequestSummaryView } from './brokerage.dto';
import { BrokerageErrors } from './brokerage.errors';
import { RequestStatus, secondsBetween } from './brokerage.rules';
import { brokerageFigures, MAX_PERIOD_DAYS, Outcome, RequestFact } from './brokerage-figures.rules';

interface SummaryRow {
  id: string;
  council_reference: string;
  locality: string;
  service_types: ServiceType[];
  minutes_per_week: number;
  starts_on: string;
  status: RequestStatus;
  posted_at: Date;
  answer_by: Date | null;
  offer_count: number;
}

interface DetailRow extends SummaryRow {
  visits_per_day: number;
  days_per_week: number;
  times_of_day: TimeOfDay[];
  carers_per_visit: number;
  funding_type: FundingType;
  posted_by: string;
  accepted_answer_id: string | null;
  accepted_coop_id: string | null;
  accepted_at: Date | null;
  ended_at: Date | null;
  close_reason: CloseReason | null;
}

interface AnswerRow {
  message_id: string;
  coop_id: string;
  coop_name: string;
  kind: 'offer' | 'decline';
  can_start_on: string | null;
  times_of_day_covered: TimeOfDay[] | null;
  days_per_week_covered: number | null;
  decline_reason: DeclineReason | null;
  note: string | null;
  received_at: Date;
  late: boolean;
}

const SUMMARY = `SELECT r.*, (SELECT count(*)::int FROM brokerage_answer a WHERE a.request_id = r.id AND a.kind = 'offer' AND NOT a.late) AS offer_count
                   FROM brokerage_request r`;

/** Reads of package requests for commissioners and staff: lists, a request with its answers, the figures. */
@Injectable()
export class BrokerageQueries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  async list(query: ListRequestsQuery): Promise<Page<RequestSummaryView>> {
    const where = query.status ? 'WHERE r.status = $3' : '';
    const params = [query.limit, query.offset, ...(query.status ? [query.status] : [])];
    const rows: SummaryRow[] = await this.dataSource.query(
      `${SUMMARY} ${where} ORDER BY r.posted_at DESC, r.id LIMIT $1 OFFSET $2`,
      params,
    );
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM brokerage_request r ${query.status ? 'WHERE r.status = $1' : ''}`,
      query.status ? [query.status] : [],
    );
    return pageOf(rows.map(summaryOf), total, query);
  }

  /** The request with its offers first first, declines, late answers, and who was asked and has not answered. */
  async detail(id: string): Promise<RequestDetailView> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const [r]: DetailRow[] = await m.query(`${SUMMARY} WHERE r.id = $1`, [id]);
      if (!r) throw BrokerageErrors.requestNotFound(id);
      const answers: AnswerRow[] = await m.query(
        `SELECT a.*, a.kind, c.name AS coop_name FROM brokerage_answer a JOIN coop c ON c.id = a.coop_id
          WHERE a.request_id = $1 ORDER BY a.received_at, a.message_id`,
        [id],
      );
      const silent: { coop_id: string; coop_name: string; asked_at: Date; last_heartbeat_at: Date | null }[] = await m.query(
        `SELECT s.coop_id, c.name AS coop_name, s.asked_at, c.last_heartbeat_at FROM brokerage_asked s JOIN coop c ON c.id = s.coop_id
          WHERE s.request_id = $1 AND NOT EXISTS (SELECT 1 FROM brokerage_answer a WHERE a.request_id = s.request_id AND a.coop_id = s.coop_id)
          ORDER BY s.coop_id`,
        [id],
      );
      const wallNow = Date.now();
      const answer = (a: AnswerRow): AnswerView => ({
        answerId: a.message_id,
        coopId: a.coop_id,
        coopName: a.coop_name,
        answer: a.kind,
        canStartOn: a.can_start_on,
        timesOfDayCovered: a.times_of_day_covered,
        daysPerWeekCovered: a.days_per_week_covered,
        declineReason: a.decline_reason,
        note: a.note,
        coversAll:
          a.kind === 'offer' &&
          r.times_of_day.every((t) => (a.times_of_day_covered ?? []).includes(t)) &&
          (a.days_per_week_covered ?? 0) >= r.days_per_week,
        receivedAt: new Date(a.received_at).toISOString(),
        secondsToAnswer: secondsBetween(new Date(r.posted_at), new Date(a.received_at)),
        late: a.late,
      });
      return {
        ...summaryOf(r),
        visitPattern: {
          visitsPerDay: r.visits_per_day,
          daysPerWeek: r.days_per_week,
          timesOfDay: r.times_of_day,
          carersPerVisit: r.carers_per_visit,
        },
        fundingType: r.funding_type,
        postedBy: r.posted_by,
        offers: answers.filter((a) => a.kind === 'offer' && !a.late).map(answer),
        declines: answers.filter((a) => a.kind === 'decline' && !a.late).map(answer),
        late: answers.filter((a) => a.late).map(answer),
        notAnswered: silent.map((s) => {
          const connectivity: Connectivity = !s.last_heartbeat_at
            ? 'never-seen'
            : wallNow - new Date(s.last_heartbeat_at).getTime() <= this.config.HEARTBEAT_TIMEOUT_MS
              ? 'online'
              : 'offline';
          return {
            coopId: s.coop_id,
            coopName: s.coop_name,
            askedAt: new Date(s.asked_at).toISOString(),
            connectivity,
            offlineSince: connectivity === 'offline' ? new Date(s.last_heartbeat_at!).toISOString() : null,
          };
        }),
        acceptedAnswerId: r.accepted_answer_id,
        acceptedCoopId: r.accepted_coop_id,
        acceptedAt: r.accepted_at ? new Date(r.accepted_at).toISOString() : null,
        endedAt: r.ended_at ? new Date(r.ended_at).toISOString() : null,
        closeReason: r.close_reason,
      };
    });
  }

  /**
   * Requests posted from `from` to `to` (days of the hub's Clock, in the UK), by locality and month of
   * posting, with disclosure control. Time to first offer counts offers that came in time.
   */
  async figures(from: string, to: string): Promise<BrokerageFiguresView> {
    if (to < from) throw BrokerageErrors.badPeriod(`to (${to}) must not be before from (${from})`);
    if (addDays(from, MAX_PERIOD_DAYS) < to) throw BrokerageErrors.badPeriod(`from (${from}) to to (${to}) is longer than five years`);
    const rows: {
      locality: string;
      month: string;
      status: RequestStatus;
      accepted_coop_id: string | null;
      posted_at: Date;
      accepted_at: Date | null;
      first_offer_at: Date | null;
    }[] = await this.dataSource.query(
      `SELECT r.locality, to_char(r.posted_at AT TIME ZONE 'Europe/London', 'YYYY-MM') AS month, r.status, r.accepted_coop_id, r.posted_at, r.accepted_at,
              (SELECT min(a.received_at) FROM brokerage_answer a WHERE a.request_id = r.id AND a.kind = 'offer' AND NOT a.late) AS first_offer_at
         FROM brokerage_request r
        WHERE r.posted_at >= ($1::date)::timestamp AT TIME ZONE 'Europe/London' AND r.posted_at < ($2::date + 1)::timestamp AT TIME ZONE 'Europe/London'`,
      [from, to],
    );
    const outcome = (s: RequestStatus): Outcome => (s === 'placed' ? 'placed' : s === 'open' ? 'open' : 'not-placed');
    const facts: RequestFact[] = rows.map((r) => ({
      locality: r.locality,
      month: r.month,
      outcome: outcome(r.status),
      placedWith: r.accepted_coop_id,
      secondsToFirstOffer: r.first_offer_at ? secondsBetween(new Date(r.posted_at), new Date(r.first_offer_at)) : null,
      secondsToAcceptance: r.accepted_at ? secondsBetween(new Date(r.posted_at), new Date(r.accepted_at)) : null,
    }));
    const threshold = this.config.REPORTING_THRESHOLD;
    const figures = brokerageFigures(facts, threshold);
    return { from, to, threshold, ...figures };
  }
}

function summaryOf(r: SummaryRow): RequestSummaryView {
  return {
    id: r.id,
    councilReference: r.council_reference,
    locality: r.locality,
    serviceTypes: r.service_types,
    hoursPerWeek: r.minutes_per_week / 60,
    startsOn: r.starts_on,
    status: r.status,
    postedAt: new Date(r.posted_at).toISOString(),
    answerBy: r.answer_by ? new Date(r.answer_by).toISOString() : null,
    offerCount: r.offer_count,
  };
}
