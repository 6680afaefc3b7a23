import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Page, pageOf } from '@app/platform';

import { clearingPositions, ClearingStatus } from './clearing.rules';
import {
  ClearingBalancesView,
  ClearingLimitView,
  ClearingTransferView,
  ExchangesQuery,
  ExchangesView,
  ListClearingTransfersQuery,
} from './time-clearing.dto';
import { TimeClearingErrors } from './time-clearing.errors';

interface TransferRow {
  id: string;
  paying_coop_id: string;
  receiving_coop_id: string;
  minutes: number;
  status: ClearingStatus;
  refusal_reason: string | null;
  received_at: Date;
  settled_at: Date | null;
}

/** The clearing ledger read: the limit, each co-op's balance, hours exchanged by pair and month. Co-ops only. */
@Injectable()
export class ClearingQueries {
  constructor(private readonly dataSource: DataSource) {}

  async limit(): Promise<ClearingLimitView> {
    const [row]: { limit_minutes: number; updated_at: Date; updated_by: string | null }[] = await this.dataSource.query(
      'SELECT limit_minutes, updated_at, updated_by FROM clearing_setting',
    );
    return { limitMinutes: row.limit_minutes, updatedAt: row.updated_at, updatedBy: row.updated_by };
  }

  async balances(): Promise<ClearingBalancesView> {
    const { limitMinutes } = await this.limit();
    const entries: { coop_id: string; minutes: string }[] = await this.dataSource.query(
      'SELECT a.coop_id, coalesce(sum(e.minutes), 0)::bigint AS minutes FROM clearing_account a LEFT JOIN clearing_entry e ON e.coop_id = a.coop_id GROUP BY a.coop_id',
    );
    const [{ open }]: { open: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS open FROM clearing_transfer WHERE status = 'forwarded'`,
    );
    const { positions, totalMinutes, balanced } = clearingPositions(
      entries.map((e) => ({ coopId: e.coop_id, minutes: Number(e.minutes) })),
      limitMinutes,
    );
    return { limitMinutes, coops: positions, totalMinutes, balanced, underWay: open };
  }

  /** Completed payments by paying co-op, receiving co-op and the month they were completed in. */
  async exchanges(q: ExchangesQuery): Promise<ExchangesView> {
    const from = q.from ?? null;
    const to = q.to ?? null;
    if (from && to && from > to) throw TimeClearingErrors.monthsInverted(from, to);
    const rows: { month: string; paying_coop_id: string; receiving_coop_id: string; transfers: number; minutes: string }[] =
      await this.dataSource.query(
        `SELECT to_char(settled_at AT TIME ZONE 'Europe/London', 'YYYY-MM') AS month, paying_coop_id, receiving_coop_id,
                count(*)::int AS transfers, sum(minutes)::bigint AS minutes
           FROM clearing_transfer
          WHERE status = 'completed'
            AND ($1::text IS NULL OR to_char(settled_at AT TIME ZONE 'Europe/London', 'YYYY-MM') >= $1)
            AND ($2::text IS NULL OR to_char(settled_at AT TIME ZONE 'Europe/London', 'YYYY-MM') <= $2)
          GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
        [from, to],
      );
    return {
      from,
      to,
      items: rows.map((r) => ({
        month: r.month,
        fromCoopId: r.paying_coop_id,
        toCoopId: r.receiving_coop_id,
        transfers: r.transfers,
        minutes: Number(r.minutes),
        hours: Math.round((Number(r.minutes) * 100) / 60) / 100,
      })),
    };
  }

  async transfers(q: ListClearingTransfersQuery): Promise<Page<ClearingTransferView>> {
    const params: unknown[] = q.status ? [q.status] : [];
    const clause = q.status ? 'WHERE status = $1' : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM clearing_transfer ${clause}`,
      params,
    );
    const rows: TransferRow[] = await this.dataSource.query(
      `SELECT id, paying_coop_id, receiving_coop_id, minutes, status, refusal_reason, received_at, settled_at FROM clearing_transfer ${clause}
        ORDER BY received_at DESC, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, q.offset],
    );
    return pageOf(
      rows.map((r) => ({
        id: r.id,
        payingCoopId: r.paying_coop_id,
        receivingCoopId: r.receiving_coop_id,
        minutes: r.minutes,
        status: r.status,
        refusalReason: r.refusal_reason,
        receivedAt: r.received_at,
        settledAt: r.settled_at,
      })),
      total,
      q,
    );
  }
}
