import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Clock, todayIso } from '@app/platform';

import { InvitationView } from './tendering.dto';
import { TenderingErrors } from './tendering.errors';
import {
  capacityOf,
  CARING_ROLES,
  compareReferences,
  contractedHours,
  offeredElsewhere,
  offeredHoursByTender,
  overlapDays,
  round2,
  suggestOffers,
  WorkforceLoad,
} from './tendering.rules';

interface LoadRow {
  contracted: number;
  mean_pay: number | null;
  last_four: number;
  next_four: number;
  contract_hours: number;
}

interface StandingOfferRow {
  tender_id: string;
  hours_per_week: number;
  tender_total: number | null;
}

interface InvitationRow {
  tender_id: string;
  title: string;
  buyer: string;
  deadline: Date;
  enquiry_starts_at: Date | null;
  enquiry_ends_at: Date | null;
}

interface EnquiryRow {
  id: string;
  tender_id: string;
  lot_id: string | null;
  question: string;
  ours: boolean;
  asked_at: Date | null;
  answer: string | null;
  answered_at: Date | null;
  hub_status: string | null;
  last_error: string | null;
}

interface InvitedLotRow {
  lot_id: string;
  tender_id: string;
  lot_version: number;
  reference: string;
  title: string;
  locality: string;
  service_type: string;
  hours_per_week: number;
  ceiling_pence_per_hour: number;
  starts_on: string;
  ends_on: string;
  withdrawn_reason: string | null;
  deadline: Date | null;
}

interface OfferSentRow {
  message_id: string;
  lot_id: string;
  lot_version: number;
  hours_per_week: number;
  price_pence_per_hour: number;
  total_hours_per_week: number | null;
  sent_at: Date;
  hub_status: string | null;
  last_error: string | null;
}

interface ContractRow {
  id: string;
  tender_id: string;
  lot_id: string;
  tender_title: string;
  buyer: string;
  locality: string;
  service_type: string;
  hours_per_week: number;
  price_pence_per_hour: number;
  starts_on: string;
  ends_on: string;
  planned_hours: number;
  delivered_hours: number;
}

export interface ContractHours {
  contractId: string;
  tenderId: string;
  lotId: string;
  tenderTitle: string;
  buyer: string;
  locality: string;
  serviceType: string;
  hoursPerWeek: number;
  pricePencePerHour: number;
  startsOn: string;
  endsOn: string;
  period: { from: string; to: string; daysCovered: number };
  contractedHours: number;
  plannedHours: number;
  deliveredHours: number;
  deliveredPercent: number | null;
}
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** Days and weeks are counted in the co-op's own calendar, as reporting counts them. */
const TIME_ZONE = 'Europe/London';

/** A lot is withdrawn while the hub has withdrawn its current version (or a later one). */
export const LOTS_SQL = `
  SELECT l.*, w.reason AS withdrawn_reason
    FROM tender_invited_lot l
    LEFT JOIN LATERAL (SELECT reason FROM tender_lot_withdrawal w WHERE w.lot_id = l.lot_id AND w.lot_version >= l.lot_version ORDER BY w.lot_version DESC LIMIT 1) w ON true
   WHERE l.tender_id = ANY($1::uuid[])`;

/** Offers the hub has not refused (an offer awaiting its answer counts: it may yet be taken). */
export const NOT_REFUSED = `(SELECT o.status FROM outbox_message o WHERE o.id = s.message_id) IS DISTINCT FROM 'rejected'`;

/**
 * Each lot's standing offer: the latest sent and not refused, for some hours, on a version the hub has
 * not withdrawn, on a lot not yet decided (no contract, no lot-lost notice); with the latest total the
 * co-op stated on its tender.
 */
const STANDING_OFFERS_SQL = `
  WITH latest AS (
    SELECT DISTINCT ON (s.lot_id) s.tender_id, s.lot_id, s.lot_version, s.hours_per_week
      FROM tender_offer_sent s WHERE ${NOT_REFUSED}
     ORDER BY s.lot_id, s.sent_at DESC, s.message_id DESC)
  SELECT l.tender_id, l.hours_per_week,
         (SELECT s.total_hours_per_week FROM tender_offer_sent s
           WHERE s.tender_id = l.tender_id AND s.total_hours_per_week IS NOT NULL AND ${NOT_REFUSED}
           ORDER BY s.sent_at DESC, s.message_id DESC LIMIT 1) AS tender_total
    FROM latest l
   WHERE l.hours_per_week > 0
     AND NOT EXISTS (SELECT 1 FROM tender_lot_withdrawal w WHERE w.lot_id = l.lot_id AND w.lot_version >= l.lot_version)
     AND NOT EXISTS (SELECT 1 FROM tender_contract c WHERE c.lot_id = l.lot_id)
     AND NOT EXISTS (SELECT 1 FROM tender_lot_lost x WHERE x.lot_id = l.lot_id)`;

/** The same comparison of localities as libs/contracts' localityKey, in SQL: case and stray spaces aside. */
const localityKeySql = (column: string) => `lower(btrim(regexp_replace(${column}, '\\s+', ' ', 'g')))`;

/** The contracts running on a day of the period ($1 to $2). */
const RUNNING = 'c AS (SELECT * FROM tender_contract WHERE starts_on <= $2::date AND ends_on >= $1::date)';

/** Hours under each contract measured from the visits that name it, due on a day of the period in the co-op's zone ($3). */
const TAGGED_HOURS = `
  WITH ${RUNNING},
       v AS (
         SELECT v.contract_id, v.status, v.planned_minutes, v.delivered_minutes FROM visit v
          WHERE v.contract_id IS NOT NULL AND v.status <> 'cancelled'
            AND v.planned_start >= ($1::date::timestamp AT TIME ZONE $3) AND v.planned_start < (($2::date + 1)::timestamp AT TIME ZONE $3))
  SELECT c.*,
         coalesce((SELECT sum(planned_minutes) FROM v WHERE v.contract_id = c.id), 0)::float8 / 60 AS planned_hours,
         coalesce((SELECT sum(delivered_minutes) FROM v WHERE v.contract_id = c.id AND v.status = 'delivered'), 0)::float8 / 60 AS delivered_hours
    FROM c ORDER BY c.starts_on, c.id`;

/** Hours under each contract inferred from council-commissioned visits of its service in its locality (version 2 of the return). */
const INFERRED_HOURS = `
  WITH ${RUNNING},
            v AS (
              SELECT v.id, v.status, v.planned_minutes, v.delivered_minutes, v.service_type, su.locality,
                     (v.planned_start AT TIME ZONE $3)::date AS day
                FROM visit v JOIN service_user su ON su.id = v.service_user_id
               WHERE su.funding_type = 'council-commissioned' AND v.status <> 'cancelled'
                 AND v.planned_start >= ($1::date::timestamp AT TIME ZONE $3) AND v.planned_start < (($2::date + 1)::timestamp AT TIME ZONE $3)),
            claimed AS (
              SELECT c.id AS contract_id, v.status, v.planned_minutes, v.delivered_minutes,
                     c.hours_per_week::numeric / sum(c.hours_per_week) OVER (PARTITION BY v.id) AS share
                FROM v JOIN c ON ${localityKeySql('c.locality')} = ${localityKeySql('v.locality')} AND c.service_type = v.service_type AND v.day BETWEEN c.starts_on AND c.ends_on)
       SELECT c.*,
              coalesce((SELECT sum(share * planned_minutes) FROM claimed k WHERE k.contract_id = c.id), 0)::float8 / 60 AS planned_hours,
              coalesce((SELECT sum(share * delivered_minutes) FROM claimed k WHERE k.contract_id = c.id AND k.status = 'delivered'), 0)::float8 / 60 AS delivered_hours
         FROM c ORDER BY c.starts_on, c.id`;

@Injectable()
export class TenderingQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The co-op's weekly workforce and commitments, all SQL aggregates over its own tables. */
  async workforceLoad(m: EntityManager, today = todayIso()): Promise<WorkforceLoad> {
    const [r]: LoadRow[] = await m.query(
      `SELECT (SELECT coalesce(sum(contracted_minutes_per_week), 0)::int FROM staff
                WHERE role = ANY($2) AND started_on <= $1::date AND (left_on IS NULL OR left_on >= $1::date)) AS contracted,
              (SELECT round(avg(hourly_pay_pence))::int FROM staff
                WHERE role = ANY($2) AND started_on <= $1::date AND (left_on IS NULL OR left_on >= $1::date)) AS mean_pay,
              (SELECT coalesce(sum(planned_minutes), 0)::int FROM visit
                WHERE status <> 'cancelled' AND planned_start >= (($1::date - 28)::timestamp AT TIME ZONE $3) AND planned_start < ($1::date::timestamp AT TIME ZONE $3)) AS last_four,
              (SELECT coalesce(sum(planned_minutes), 0)::int FROM visit
                WHERE status <> 'cancelled' AND planned_start >= ($1::date::timestamp AT TIME ZONE $3) AND planned_start < (($1::date + 28)::timestamp AT TIME ZONE $3)) AS next_four,
              (SELECT coalesce(sum(hours_per_week), 0)::int FROM tender_contract WHERE ends_on >= $1::date) AS contract_hours`,
      [today, [...CARING_ROLES], TIME_ZONE],
    );
    return {
      contractedMinutesPerWeek: r.contracted,
      plannedMinutesLastFourWeeks: r.last_four,
      plannedMinutesNextFourWeeks: r.next_four,
      contractHoursPerWeek: r.contract_hours,
      offeredElsewhereHoursPerWeek: 0,
      meanCarerPayPence: r.mean_pay,
    };
  }

  /** Hours a week this co-op has on offer per tender, while it waits for the outcome (see offeredHoursByTender). */
  async offeredByTender(m: EntityManager): Promise<Map<string, number>> {
    const rows: StandingOfferRow[] = await m.query(STANDING_OFFERS_SQL);
    return offeredHoursByTender(
      rows.map((r) => ({ tenderId: r.tender_id, hoursPerWeek: r.hours_per_week, tenderTotalHoursPerWeek: r.tender_total })),
    );
  }

  /** The co-op's load as seen by one tender: its workforce, less the hours on offer on every other tender. */
  async loadFor(m: EntityManager, tenderId: string): Promise<WorkforceLoad> {
    const [load, byTender] = [await this.workforceLoad(m), await this.offeredByTender(m)];
    return { ...load, offeredElsewhereHoursPerWeek: offeredElsewhere(byTender, tenderId) };
  }

  /** Every invitation, newest deadline first, each lot with its suggestion and the last offer sent (with the hub's answer). */
  async invitations(tenderId?: string): Promise<InvitationView[]> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const tenders: InvitationRow[] = await m.query(
        `SELECT * FROM tender_invitation ${tenderId ? 'WHERE tender_id = $1' : ''} ORDER BY deadline DESC, tender_id`,
        tenderId ? [tenderId] : [],
      );
      if (tenderId && tenders.length === 0) throw TenderingErrors.invitationNotFound(tenderId);
      if (tenders.length === 0) return [];
      const ids = tenders.map((t) => t.tender_id);
      const lots: InvitedLotRow[] = await m.query(LOTS_SQL, [ids]);
      const offers: OfferSentRow[] = await m.query(
        `SELECT DISTINCT ON (s.lot_id) s.*, o.status AS hub_status, o.last_error
           FROM tender_offer_sent s LEFT JOIN outbox_message o ON o.id = s.message_id
          WHERE s.tender_id = ANY($1::uuid[]) ORDER BY s.lot_id, s.sent_at DESC`,
        [ids],
      );
      const closures: { tender_id: string; closed_at: Date }[] = await m.query(
        'SELECT tender_id, closed_at FROM tender_offers_closed WHERE tender_id = ANY($1::uuid[])',
        [ids],
      );
      const outcomes: { lot_id: string; outcome: string }[] = await m.query(
        `SELECT lot_id, 'awarded' AS outcome FROM tender_contract WHERE tender_id = ANY($1::uuid[])
         UNION SELECT lot_id, outcome FROM tender_lot_lost WHERE tender_id = ANY($1::uuid[])`,
        [ids],
      );
      const enquiries: EnquiryRow[] = await m.query(
        `SELECT e.*, o.status AS hub_status, o.last_error FROM tender_enquiry e LEFT JOIN outbox_message o ON o.id = e.id AND e.ours
          WHERE e.tender_id = ANY($1::uuid[]) ORDER BY coalesce(e.asked_at, e.answered_at), e.id`,
        [ids],
      );
      const load = await this.workforceLoad(m);
      const byTender = await this.offeredByTender(m);
      const now = this.clock.now();
      return tenders.map((t) => {
        // Each tender's spare hours leave out what is on offer on the others, not on itself.
        const capacity = capacityOf({ ...load, offeredElsewhereHoursPerWeek: offeredElsewhere(byTender, t.tender_id) });
        const mine = lots.filter((l) => l.tender_id === t.tender_id).sort((a, b) => compareReferences(a.reference, b.reference));
        const open = mine.filter((l) => !l.withdrawn_reason);
        const suggestion = suggestOffers(
          capacity,
          open.map((l) => ({
            lotId: l.lot_id,
            reference: l.reference,
            hoursPerWeek: l.hours_per_week,
            ceilingPencePerHour: l.ceiling_pence_per_hour,
          })),
        );
        const cancelled = mine.length > 0 && mine.every((l) => l.withdrawn_reason === 'tender-cancelled');
        const closedAt = closures.find((c) => c.tender_id === t.tender_id)?.closed_at ?? null;
        return {
          tenderId: t.tender_id,
          title: t.title,
          buyer: t.buyer,
          deadline: new Date(t.deadline).toISOString(),
          enquiryPeriod: t.enquiry_ends_at
            ? { startDate: iso(t.enquiry_starts_at), endDate: new Date(t.enquiry_ends_at).toISOString() }
            : null,
          enquiries: enquiries.filter((e) => e.tender_id === t.tender_id).map(enquiryView),
          offersClosedAt: iso(closedAt),
          status: cancelled ? 'cancelled' : new Date(t.deadline) <= now || closedAt ? 'closed' : open.length ? 'open' : 'withdrawn',
          capacity,
          suggestedTotalHoursPerWeek: suggestion.totalHoursPerWeek,
          lots: mine.map((l) => {
            const last = offers.find((o) => o.lot_id === l.lot_id);
            return {
              lotId: l.lot_id,
              lotVersion: l.lot_version,
              reference: l.reference,
              title: l.title,
              locality: l.locality,
              serviceType: l.service_type,
              hoursPerWeek: l.hours_per_week,
              ceilingPencePerHour: l.ceiling_pence_per_hour,
              startsOn: l.starts_on,
              endsOn: l.ends_on,
              status: l.withdrawn_reason ? 'withdrawn' : 'open',
              withdrawnReason: l.withdrawn_reason ?? null,
              // What the council decided, as far as this co-op is concerned: awarded (a contract), lost, or not-allocated (won without it).
              outcome: outcomes.find((o) => o.lot_id === l.lot_id)?.outcome ?? null,
              deadline: new Date(l.deadline && l.deadline < t.deadline ? l.deadline : t.deadline).toISOString(),
              suggestion: suggestion.offers.find((s) => s.lotId === l.lot_id) ?? null,
              lastOffer: last
                ? {
                    messageId: last.message_id,
                    lotVersion: last.lot_version,
                    hoursPerWeek: last.hours_per_week,
                    pricePencePerHour: last.price_pence_per_hour,
                    totalHoursPerWeek: last.total_hours_per_week,
                    sentAt: new Date(last.sent_at).toISOString(),
                    hubAnswer: last.hub_status === 'confirmed' ? 'accepted' : last.hub_status === 'rejected' ? 'refused' : 'awaited',
                    reason: last.hub_status === 'rejected' ? last.last_error : null,
                  }
                : null,
            };
          }),
        };
      });
    });
  }

  /**
   * Each contract that runs during the period, with its contracted and delivered hours there.
   * Delivered hours are the delivered visits of the contract's service, to council-funded people
   * living in its locality, on its days; visits that several contracts could claim are shared in
   * proportion to their weekly hours. Planned hours the same, for visits not cancelled.
   */
  /** Each contract overlapping the period with its contracted, planned and delivered hours; `m` lets reporting read its own snapshot. */
  /** The terms of a consortium contract the co-op holds, for tagging a visit with it; null when it holds none with that id. */
  async contractTerms(m: EntityManager, id: string): Promise<{ serviceType: string; startsOn: string; endsOn: string } | null> {
    const [row]: { service_type: string; starts_on: string; ends_on: string }[] = await m.query(
      'SELECT service_type, starts_on, ends_on FROM tender_contract WHERE id = $1',
      [id],
    );
    return row ? { serviceType: row.service_type, startsOn: row.starts_on, endsOn: row.ends_on } : null;
  }

  /**
   * Contracts running on any day of the period with the hours planned and delivered under each in it.
   * `tagged` (the node's measure): the visits that name the contract. `inferred` (the return's version
   * 2): council-commissioned visits of the contract's service in its locality on a day it runs, a visit
   * two contracts could cover shared between them by hours per week.
   */
  async contracts(
    from: string,
    to: string,
    m: EntityManager = this.dataSource.manager,
    basis: 'tagged' | 'inferred' = 'tagged',
  ): Promise<ContractHours[]> {
    if (to < from) throw TenderingErrors.periodBackwards();
    const rows: ContractRow[] = await m.query(basis === 'tagged' ? TAGGED_HOURS : INFERRED_HOURS, [from, to, TIME_ZONE]);
    return rows.map((c) => {
      const days = overlapDays(c.starts_on, c.ends_on, from, to);
      const contracted = contractedHours(c.hours_per_week, days);
      const delivered = round2(c.delivered_hours);
      return {
        contractId: c.id,
        tenderId: c.tender_id,
        lotId: c.lot_id,
        tenderTitle: c.tender_title,
        buyer: c.buyer,
        locality: c.locality,
        serviceType: c.service_type,
        hoursPerWeek: c.hours_per_week,
        pricePencePerHour: c.price_pence_per_hour,
        startsOn: c.starts_on,
        endsOn: c.ends_on,
        period: { from, to, daysCovered: days },
        contractedHours: contracted,
        plannedHours: round2(c.planned_hours),
        deliveredHours: delivered,
        deliveredPercent: contracted > 0 ? Math.round((1000 * delivered) / contracted) / 10 : null,
      };
    });
  }
}

/** A question as the co-op sees it: its own with the hub's answer to it (refused, with the reason), anyone's with the reply. */
function enquiryView(e: EnquiryRow) {
  const status =
    e.answer !== null ? 'answered' : e.hub_status === 'rejected' ? 'refused' : e.hub_status === 'confirmed' ? 'accepted' : 'awaited';
  return {
    id: e.id,
    lotId: e.lot_id,
    question: e.question,
    ours: e.ours,
    askedAt: iso(e.asked_at),
    status: status as 'awaited' | 'accepted' | 'refused' | 'answered',
    reason: status === 'refused' ? e.last_error : null,
    answer: e.answer,
    answeredAt: iso(e.answered_at),
  };
}
