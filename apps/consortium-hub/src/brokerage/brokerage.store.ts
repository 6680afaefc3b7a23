import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { BROKERAGE_PACKAGE_GONE_V1, GoneReason, ServiceType, TimeOfDay } from '@app/contracts';
import { OutboxService } from '@app/federation';

import { BrokerageErrors } from './brokerage.errors';
import { CoopForBrokerage, RequestStatus } from './brokerage.rules';

export interface RequestRow {
  id: string;
  councilReference: string;
  locality: string;
  serviceTypes: ServiceType[];
  minutesPerWeek: number;
  visitsPerDay: number;
  daysPerWeek: number;
  timesOfDay: TimeOfDay[];
  carersPerVisit: number;
  startsOn: string;
  fundingType: string;
  answerBy: Date | null;
  status: RequestStatus;
  postedAt: Date;
  acceptedCoopId: string | null;
}

interface RequestTableRow {
  id: string;
  council_reference: string;
  locality: string;
  service_types: ServiceType[];
  minutes_per_week: number;
  visits_per_day: number;
  days_per_week: number;
  times_of_day: TimeOfDay[];
  carers_per_visit: number;
  starts_on: string;
  funding_type: string;
  answer_by: Date | null;
  status: RequestStatus;
  posted_at: Date;
  accepted_coop_id: string | null;
}

const toRequest = (r: RequestTableRow): RequestRow => ({
  id: r.id,
  councilReference: r.council_reference,
  locality: r.locality,
  serviceTypes: r.service_types,
  minutesPerWeek: r.minutes_per_week,
  visitsPerDay: r.visits_per_day,
  daysPerWeek: r.days_per_week,
  timesOfDay: r.times_of_day,
  carersPerVisit: r.carers_per_visit,
  startsOn: r.starts_on,
  fundingType: r.funding_type,
  answerBy: r.answer_by,
  status: r.status,
  postedAt: r.posted_at,
  acceptedCoopId: r.accepted_coop_id,
});

/** Locks and writes of package requests that more than one use case needs. */
@Injectable()
export class BrokerageStore {
  constructor(private readonly outbox: OutboxService) {}

  /** Co-ops the hub can send to (provisioned with a key), with what the registry says they serve and their last heartbeat. */
  async coops(m: EntityManager): Promise<CoopForBrokerage[]> {
    const rows: { id: string; status: string; localities: string[]; services_offered: string[]; last_heartbeat_at: Date | null }[] =
      await m.query(
        'SELECT id, status, localities, services_offered, last_heartbeat_at FROM coop WHERE public_key IS NOT NULL ORDER BY id',
      );
    return rows.map((r) => ({
      id: r.id,
      status: r.status,
      localities: r.localities,
      servicesOffered: r.services_offered,
      lastHeartbeatAt: r.last_heartbeat_at,
    }));
  }

  /**
   * The request, locked for the rest of the transaction: acceptances, closes, expiry and arriving
   * answers all take this lock first, so they happen one after the other and each sees the last.
   */
  async lockRequest(m: EntityManager, id: string): Promise<RequestRow> {
    const [row]: RequestTableRow[] = await m.query('SELECT * FROM brokerage_request WHERE id = $1 FOR UPDATE', [id]);
    if (!row) throw BrokerageErrors.requestNotFound(id);
    return toRequest(row);
  }

  /** Ends an open request (placed, closed or expired). */
  async end(
    m: EntityManager,
    id: string,
    status: Exclude<RequestStatus, 'open'>,
    at: Date,
    by: string,
    extra: { acceptedAnswerId?: string; acceptedCoopId?: string; closeReason?: string } = {},
  ): Promise<void> {
    await m.query(
      `UPDATE brokerage_request SET status = $2, ended_at = $3, ended_by = $4,
              accepted_answer_id = $5, accepted_coop_id = $6, accepted_at = CASE WHEN $5::uuid IS NULL THEN NULL ELSE $3::timestamptz END,
              accepted_by = CASE WHEN $5::uuid IS NULL THEN NULL ELSE $4 END, close_reason = $7
        WHERE id = $1 AND status = 'open'`,
      [id, status, at, by, extra.acceptedAnswerId ?? null, extra.acceptedCoopId ?? null, extra.closeReason ?? null],
    );
  }

  /** Tells every co-op asked, but the one named and any told before, that the request is gone. Returns who was told. */
  async tellGone(m: EntityManager, requestId: string, reason: GoneReason, at: Date, except: string | null = null): Promise<string[]> {
    const [told]: [{ coop_id: string }[], number] = await m.query(
      `UPDATE brokerage_asked SET told_gone_at = $2 WHERE request_id = $1 AND told_gone_at IS NULL AND coop_id IS DISTINCT FROM $3 RETURNING coop_id`,
      [requestId, at, except],
    );
    const coops = told.map((r) => r.coop_id).sort();
    for (const coopId of coops) await this.tellOneGone(m, requestId, coopId, reason, at, false);
    return coops;
  }

  async tellOneGone(
    m: EntityManager,
    requestId: string,
    coopId: string,
    reason: GoneReason,
    at: Date,
    answerWasLate: boolean,
  ): Promise<void> {
    await this.outbox.enqueue(m, BROKERAGE_PACKAGE_GONE_V1, { requestId, reason, goneAt: at.toISOString(), answerWasLate }, { coopId });
  }
}
