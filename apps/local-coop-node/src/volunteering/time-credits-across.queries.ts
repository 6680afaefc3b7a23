import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Page, pageOf, Principal } from '@app/platform';

import type { TransferPurpose } from './time-bank.rules';
import { AcrossCoopsSummaryView, AcrossCoopsTransferView, ListAcrossCoopsQuery } from './time-credits-across.dto';
import type { CrossCoopDirection, CrossCoopStatus } from './time-credits-across.rules';
import { mayActOnVolunteer } from './volunteer-access.rules';
import { VolunteeringErrors } from './volunteering.errors';

const COLUMNS = `id, direction, volunteer_id, other_coop_id, minutes, purpose, note, status, refusal_reason, occurred_on, created_at, settled_at`;

interface AcrossCoopsRow {
  id: string;
  direction: CrossCoopDirection;
  volunteer_id: string;
  other_coop_id: string;
  minutes: number;
  purpose: TransferPurpose | null;
  note: string | null;
  status: CrossCoopStatus;
  refusal_reason: string | null;
  occurred_on: string;
  created_at: Date;
  settled_at: Date | null;
}

/** Payments across co-ops as this node recorded them, and the clearing account's position. */
@Injectable()
export class AcrossCoopsQueries {
  constructor(private readonly dataSource: DataSource) {}

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<AcrossCoopsTransferView> {
    const [row]: AcrossCoopsRow[] = await manager.query(`SELECT ${COLUMNS} FROM time_credit_transfer WHERE id = $1`, [id]);
    if (!row) throw VolunteeringErrors.acrossCoopsTransferNotFound(id);
    return toView(row);
  }

  /** A transfer the principal may see: the admin any, a member their own; anyone else's is not found, as one that does not exist. */
  async visibleTo(principal: Principal, id: string): Promise<AcrossCoopsTransferView> {
    const [row]: (AcrossCoopsRow & { member_id: string | null })[] = await this.dataSource.query(
      `SELECT ${COLUMNS.split(', ')
        .map((c) => `t.${c}`)
        .join(', ')}, v.member_id
         FROM time_credit_transfer t JOIN volunteer v ON v.id = t.volunteer_id WHERE t.id = $1`,
      [id],
    );
    if (!row || !mayActOnVolunteer(principal, { memberId: row.member_id })) throw VolunteeringErrors.acrossCoopsTransferNotFound(id);
    return toView(row);
  }

  async list(q: ListAcrossCoopsQuery): Promise<Page<AcrossCoopsTransferView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.direction) where.push(`direction = $${params.push(q.direction)}`);
    if (q.status) where.push(`status = $${params.push(q.status)}`);
    if (q.volunteerId) where.push(`volunteer_id = $${params.push(q.volunteerId)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM time_credit_transfer ${clause}`,
      params,
    );
    const rows: AcrossCoopsRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM time_credit_transfer ${clause} ORDER BY created_at DESC, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    );
    return pageOf(rows.map(toView), total, q);
  }

  /**
   * The co-op's clearing position now, as the hub keeps it: the clearing account holds the minutes its
   * members paid out (credited to it) less those paid in (debited from it), which the co-op owes the
   * consortium, so the position is that sum with its sign turned. Then what crossed in the period:
   * sent and received by the day the receiving co-op credited them, given back by the day they were,
   * and what is still under way.
   */
  async summary(from: string | null, to: string | null): Promise<AcrossCoopsSummaryView> {
    const [row]: {
      balance: number;
      sent_n: number;
      sent_m: string;
      received_n: number;
      received_m: string;
      returned_n: number;
      returned_m: string;
      open_n: number;
      open_m: string;
    }[] = await this.dataSource.query(
      `WITH period AS (SELECT * FROM time_credit_transfer
                        WHERE ($1::date IS NULL OR coalesce(completed_on, (settled_at AT TIME ZONE 'Europe/London')::date) >= $1::date)
                          AND ($2::date IS NULL OR coalesce(completed_on, (settled_at AT TIME ZONE 'Europe/London')::date) <= $2::date))
       SELECT -coalesce((SELECT sum(e.minutes) FROM time_entry e JOIN time_account a ON a.id = e.account_id WHERE a.kind = 'clearing'), 0)::int AS balance,
              (SELECT count(*) FROM period WHERE direction = 'outgoing' AND status = 'completed')::int AS sent_n,
              (SELECT coalesce(sum(minutes), 0) FROM period WHERE direction = 'outgoing' AND status = 'completed')::bigint AS sent_m,
              (SELECT count(*) FROM period WHERE direction = 'incoming' AND status = 'completed')::int AS received_n,
              (SELECT coalesce(sum(minutes), 0) FROM period WHERE direction = 'incoming' AND status = 'completed')::bigint AS received_m,
              (SELECT count(*) FROM period WHERE status = 'refused')::int AS returned_n,
              (SELECT coalesce(sum(minutes), 0) FROM period WHERE status = 'refused')::bigint AS returned_m,
              (SELECT count(*) FROM time_credit_transfer WHERE status IN ('sent', 'forwarded'))::int AS open_n,
              (SELECT coalesce(sum(minutes), 0) FROM time_credit_transfer WHERE status IN ('sent', 'forwarded'))::bigint AS open_m`,
      [from, to],
    );
    return {
      clearingBalanceMinutes: row.balance,
      sent: { transfers: row.sent_n, minutes: Number(row.sent_m) },
      received: { transfers: row.received_n, minutes: Number(row.received_m) },
      returned: { transfers: row.returned_n, minutes: Number(row.returned_m) },
      underWay: { transfers: row.open_n, minutes: Number(row.open_m) },
    };
  }
}

function toView(r: AcrossCoopsRow): AcrossCoopsTransferView {
  return {
    id: r.id,
    direction: r.direction,
    volunteerId: r.volunteer_id,
    otherCoopId: r.other_coop_id,
    minutes: r.minutes,
    purpose: r.purpose,
    note: r.note,
    status: r.status,
    refusalReason: r.refusal_reason,
    occurredOn: r.occurred_on,
    createdAt: r.created_at,
    settledAt: r.settled_at,
  };
}
