import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Page, pageOf } from '@app/platform';
import { OpenPeriodQuery as PeriodQuery } from '@app/platform';

import { RulebookStore } from '../rulebook';
import {
  AccountQuery,
  AccountView,
  EntryView,
  ListTransfersQuery,
  PurposeTotals,
  TimeBankSummaryView,
  TransferView,
} from './time-bank.dto';
import { availableMinutes, LEDGER_PURPOSES, LedgerPurpose } from './time-bank.rules';
import { AcrossCoopsQueries } from './time-credits-across.queries';
import { VolunteeringErrors } from './volunteering.errors';

const TRANSFERS = `SELECT t.*, fa.volunteer_id AS from_volunteer_id, ta.volunteer_id AS to_volunteer_id
  FROM time_transfer t JOIN time_account fa ON fa.id = t.from_account_id JOIN time_account ta ON ta.id = t.to_account_id`;

/** A transfer with the volunteers on each side (null for the co-op's issuer account), as `pg` returns it. */
interface TransferRecord {
  id: string;
  purpose: LedgerPurpose;
  from_volunteer_id: string | null;
  to_volunteer_id: string | null;
  minutes: number;
  volunteer_hours_id: string | null;
  time_credit_transfer_id: string | null;
  note: string | null;
  occurred_on: string;
  recorded_at: Date;
}

/** One side of a transfer, seen from an account. */
interface EntryRecord {
  transfer_id: string;
  minutes: number;
  purpose: LedgerPurpose;
  note: string | null;
  occurred_on: string;
  recorded_at: Date;
  counterparty_volunteer_id: string | null;
  counterparty_name: string | null;
}

@Injectable()
export class TimeBankQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rulebooks: RulebookStore,
    private readonly acrossCoops: AcrossCoopsQueries,
  ) {}

  /** A volunteer's balance against the overdraft, and their entries newest first. Access is checked by the caller. */
  async account(volunteerId: string, q: AccountQuery): Promise<AccountView> {
    const [account]: { id: string; balance: number }[] = await this.dataSource.query(
      `SELECT a.id, coalesce((SELECT sum(e.minutes) FROM time_entry e WHERE e.account_id = a.id), 0)::int AS balance
         FROM time_account a WHERE a.volunteer_id = $1`,
      [volunteerId],
    );
    if (!account) throw VolunteeringErrors.volunteerNotFound(volunteerId);
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      'SELECT count(*)::int AS total FROM time_entry WHERE account_id = $1',
      [account.id],
    );
    const rows: EntryRecord[] = await this.dataSource.query(
      `SELECT e.transfer_id, e.minutes, t.purpose, t.note, t.occurred_on, t.recorded_at, other.volunteer_id AS counterparty_volunteer_id, v.full_name AS counterparty_name
         FROM time_entry e
         JOIN time_transfer t ON t.id = e.transfer_id
         JOIN time_account other ON other.id = CASE WHEN e.account_id = t.from_account_id THEN t.to_account_id ELSE t.from_account_id END
         LEFT JOIN volunteer v ON v.id = other.volunteer_id
        WHERE e.account_id = $1
        ORDER BY t.recorded_at DESC, t.id LIMIT $2 OFFSET $3`,
      [account.id, q.limit, q.offset],
    );
    const { rulebook } = await this.rulebooks.current();
    return {
      volunteerId,
      balanceMinutes: account.balance,
      overdraftMinutes: rulebook.timeCreditOverdraftMinutes,
      availableMinutes: availableMinutes(account.balance, rulebook.timeCreditOverdraftMinutes),
      entries: pageOf(rows.map(toEntryView), total, q),
    };
  }

  async transfers(q: ListTransfersQuery): Promise<Page<TransferView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.volunteerId) where.push(`(fa.volunteer_id = $${params.push(q.volunteerId)} OR ta.volunteer_id = $${params.length})`);
    if (q.purpose) where.push(`t.purpose = $${params.push(q.purpose)}`);
    if (q.from) where.push(`t.occurred_on >= $${params.push(q.from)}`);
    if (q.to) where.push(`t.occurred_on <= $${params.push(q.to)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM time_transfer t JOIN time_account fa ON fa.id = t.from_account_id JOIN time_account ta ON ta.id = t.to_account_id ${clause}`,
      params,
    );
    const rows: TransferRecord[] = await this.dataSource.query(
      `${TRANSFERS} ${clause} ORDER BY t.recorded_at DESC, t.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    );
    return pageOf(rows.map(toTransferView), total, q);
  }

  async transfer(id: string, manager: EntityManager = this.dataSource.manager): Promise<TransferView> {
    const [row]: TransferRecord[] = await manager.query(`${TRANSFERS} WHERE t.id = $1`, [id]);
    return toTransferView(row);
  }

  /** Credits earned and exchanged, by purpose, for transfers dated within the period. */
  async summary(period: PeriodQuery): Promise<TimeBankSummaryView> {
    const from = period.from ?? null;
    const to = period.to ?? null;
    const rows: { purpose: LedgerPurpose; transfers: number; minutes: string }[] = await this.dataSource.query(
      `SELECT purpose, count(*)::int AS transfers, sum(minutes)::bigint AS minutes FROM time_transfer
        WHERE ($1::date IS NULL OR occurred_on >= $1::date) AND ($2::date IS NULL OR occurred_on <= $2::date) GROUP BY purpose`,
      [from, to],
    );
    const byPurpose = Object.fromEntries(
      LEDGER_PURPOSES.map((p) => {
        const row = rows.find((r) => r.purpose === p);
        return [p, { transfers: row?.transfers ?? 0, minutes: Number(row?.minutes ?? 0) }];
      }),
    ) as Record<LedgerPurpose, PurposeTotals>;
    const exchanged = {
      transfers: byPurpose.respite.transfers + byPurpose.help.transfers,
      minutes: byPurpose.respite.minutes + byPurpose.help.minutes,
    };
    return { from, to, earned: byPurpose.earning, exchanged, byPurpose, acrossCoops: await this.acrossCoops.summary(from, to) };
  }
}

function toTransferView(r: TransferRecord): TransferView {
  return {
    id: r.id,
    purpose: r.purpose,
    fromVolunteerId: r.from_volunteer_id,
    toVolunteerId: r.to_volunteer_id,
    minutes: r.minutes,
    volunteerHoursId: r.volunteer_hours_id,
    timeCreditTransferId: r.time_credit_transfer_id,
    note: r.note,
    occurredOn: r.occurred_on,
    recordedAt: r.recorded_at,
  };
}

function toEntryView(r: EntryRecord): EntryView {
  return {
    transferId: r.transfer_id,
    minutes: r.minutes,
    purpose: r.purpose,
    counterpartyVolunteerId: r.counterparty_volunteer_id,
    counterpartyName: r.counterparty_name,
    note: r.note,
    occurredOn: r.occurred_on,
    recordedAt: r.recorded_at,
  };
}
