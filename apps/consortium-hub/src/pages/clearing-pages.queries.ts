import { Injectable } from '@nestjs/common';

import { COOP_STATUSES } from '@app/contracts';
import { bars, ukDateTime } from '@app/web';

import { RegistryQueries } from '../registry';
import { ClearingQueries } from '../time-clearing';
import {
  clearingPosition,
  hoursFigure,
  hoursText,
  limitUsedPercent,
  monthlyTotals,
  TRANSFERS_PAGE_SIZE,
  transferState,
} from './clearing-pages.rules';
import { pagination } from './registry-pages.rules';

/**
 * What the time-credits page shows, read through the clearing's own queries (the same as GET
 * /time-clearing/balances, /exchanges and /transfers) and each co-op's name from the registry. Co-ops,
 * hours and reasons only: the clearing holds no person, and neither does the page.
 */
@Injectable()
export class ClearingPages {
  constructor(
    private readonly clearing: ClearingQueries,
    private readonly registry: RegistryQueries,
  ) {}

  /** Each co-op's balance against the limit, and the hours exchanged month by month (staff and commissioners). */
  async overview() {
    const [balances, exchanges, names] = await Promise.all([this.clearing.balances(), this.clearing.exchanges({}), this.names()]);
    const name = (coopId: string) => names.get(coopId) ?? coopId;
    const months = monthlyTotals(exchanges.items);
    return {
      limit: { minutes: balances.limitMinutes, hours: hoursFigure(balances.limitMinutes), text: hoursText(balances.limitMinutes) },
      balanced: balances.balanced,
      underWay: balances.underWay,
      coops: balances.coops
        .map((c) => ({
          coopId: c.coopId,
          name: name(c.coopId),
          balanceMinutes: c.balanceMinutes,
          ...clearingPosition(c.balanceMinutes),
          headroom: hoursText(c.headroomMinutes),
          limitUsed: limitUsedPercent(c.balanceMinutes, balances.limitMinutes),
        }))
        .sort((a, b) => a.balanceMinutes - b.balanceMinutes || a.name.localeCompare(b.name)),
      chart: bars(months.map((m) => ({ label: m.month, value: m.minutes, text: hoursText(m.minutes) }))),
      exchanges: exchanges.items.map((e) => ({
        month: e.month,
        from: name(e.fromCoopId),
        to: name(e.toCoopId),
        transfers: e.transfers,
        hours: hoursText(e.minutes),
      })),
    };
  }

  /** A page of the payments cleared between co-ops, newest first (staff only, as GET /time-clearing/transfers). */
  async transfers(page: number) {
    const [list, names] = await Promise.all([
      this.clearing.transfers({ limit: TRANSFERS_PAGE_SIZE, offset: (page - 1) * TRANSFERS_PAGE_SIZE }),
      this.names(),
    ]);
    return {
      total: list.total,
      items: list.items.map((t) => ({
        id: t.id,
        from: names.get(t.payingCoopId) ?? t.payingCoopId,
        to: names.get(t.receivingCoopId) ?? t.receivingCoopId,
        hours: hoursText(t.minutes),
        status: t.status,
        state: transferState(t.status),
        refusalReason: t.refusalReason,
        received: ukDateTime(t.receivedAt.toISOString(), ''),
        settled: t.settledAt ? ukDateTime(t.settledAt.toISOString(), '') : '–',
      })),
      pagination: pagination('/time-credits', page, list.total, TRANSFERS_PAGE_SIZE),
    };
  }

  /** Every co-op's name by id, whatever its status now: a co-op that has left still appears in the ledger. */
  private async names(): Promise<Map<string, string>> {
    return new Map((await this.registry.members([...COOP_STATUSES])).map((c) => [c.coopId, c.name]));
  }
}
