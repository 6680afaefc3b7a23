import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Page, pageOf } from '@app/platform';

import { HireRequestStaffView, PooledVacancyStaffView, PoolRequestsQuery, PoolVacanciesQuery, RequestCountsView } from './pool-figures.dto';
import { POOL_REQUEST_STATUSES } from './pool-figures.rules';

interface VacancyRow {
  coop_id: string;
  coop_name: string;
  vacancy_id: string;
  revision: number;
  state: PooledVacancyStaffView['state'];
  role: PooledVacancyStaffView['role'];
  contract_type: PooledVacancyStaffView['contractType'];
  minutes_per_week: number;
  hourly_pay_pence: number;
  pays_real_living_wage: boolean;
  locality: string;
  starts_on: string;
  first_pooled_at: Date;
  changed_at: Date;
  closed_at: Date | null;
  requests: Partial<Record<keyof RequestCountsView, number>> | null;
  total: number;
}

interface RequestRow {
  id: string;
  coop_id: string;
  coop_name: string;
  vacancy_id: string;
  role: HireRequestStaffView['role'];
  locality: string;
  status: HireRequestStaffView['status'];
  requested_at: Date;
  answered_at: Date | null;
  hired_at: Date | null;
  total: number;
}

/** The filters a list was given, as SQL conditions with their parameters after the page's two. */
function where(filters: [column: string, value: string | undefined][]): { sql: string; params: string[] } {
  const given = filters.filter((f): f is [string, string] => f[1] !== undefined);
  const sql = given.map(([column], i) => `${column} = $${i + 3}`).join(' AND ');
  return { sql: sql ? `WHERE ${sql}` : '', params: given.map(([, value]) => value) };
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/**
 * What consortium staff see of the pool at work: each pooled vacancy with its co-op and terms, and each
 * request to hire. No candidate id and nothing about a candidate is read here: a request is the co-op's
 * act, and the candidate behind it is none of staff's business in these views.
 */
@Injectable()
export class PoolStaffQueries {
  constructor(private readonly dataSource: DataSource) {}

  async vacancies(query: PoolVacanciesQuery): Promise<Page<PooledVacancyStaffView>> {
    const filter = where([
      ['v.state', query.state],
      ['v.coop_id', query.coopId],
      ['v.role', query.role],
      ['v.locality', query.locality],
    ]);
    const rows: VacancyRow[] = await this.dataSource.query(
      `SELECT v.coop_id, c.name AS coop_name, v.vacancy_id, v.revision, v.state, v.role, v.contract_type, v.minutes_per_week,
              v.hourly_pay_pence, v.pays_real_living_wage, v.locality, v.starts_on::text AS starts_on, v.first_pooled_at, v.changed_at,
              v.closed_at, count(*) OVER ()::int AS total,
              (SELECT json_object_agg(s.status, s.n) FROM (SELECT h.status, count(*)::int AS n FROM hire_request h
                 WHERE h.coop_id = v.coop_id AND h.vacancy_id = v.vacancy_id GROUP BY h.status) s) AS requests
         FROM pooled_vacancy v JOIN coop c ON c.id = v.coop_id
         ${filter.sql}
        ORDER BY v.first_pooled_at DESC, v.coop_id, v.vacancy_id
        LIMIT $1 OFFSET $2`,
      [query.limit, query.offset, ...filter.params],
    );
    const items = rows.map((r) => ({
      coopId: r.coop_id,
      coopName: r.coop_name,
      vacancyId: r.vacancy_id,
      revision: r.revision,
      state: r.state,
      role: r.role,
      contractType: r.contract_type,
      minutesPerWeek: r.minutes_per_week,
      hourlyPayPence: r.hourly_pay_pence,
      paysRealLivingWage: r.pays_real_living_wage,
      locality: r.locality,
      startsOn: r.starts_on,
      firstPooledAt: iso(r.first_pooled_at)!,
      changedAt: iso(r.changed_at)!,
      closedAt: iso(r.closed_at),
      requests: Object.fromEntries(POOL_REQUEST_STATUSES.map((s) => [s, r.requests?.[s] ?? 0])) as unknown as RequestCountsView,
    }));
    return pageOf(items, rows[0]?.total ?? (query.offset ? await this.countVacancies(filter) : 0), query);
  }

  async requests(query: PoolRequestsQuery): Promise<Page<HireRequestStaffView>> {
    const filter = where([
      ['h.status', query.status],
      ['h.coop_id', query.coopId],
      ['h.vacancy_id', query.vacancyId],
      ['h.role', query.role],
      ['h.locality', query.locality],
    ]);
    const rows: RequestRow[] = await this.dataSource.query(
      `SELECT h.id, h.coop_id, c.name AS coop_name, h.vacancy_id, h.role, h.locality, h.status, h.requested_at, h.answered_at, h.hired_at,
              count(*) OVER ()::int AS total
         FROM hire_request h JOIN coop c ON c.id = h.coop_id
         ${filter.sql}
        ORDER BY h.requested_at DESC, h.id
        LIMIT $1 OFFSET $2`,
      [query.limit, query.offset, ...filter.params],
    );
    const items = rows.map((r) => ({
      id: r.id,
      coopId: r.coop_id,
      coopName: r.coop_name,
      vacancyId: r.vacancy_id,
      role: r.role,
      locality: r.locality,
      status: r.status,
      requestedAt: iso(r.requested_at)!,
      answeredAt: iso(r.answered_at),
      hiredAt: iso(r.hired_at),
    }));
    return pageOf(items, rows[0]?.total ?? (query.offset ? await this.countRequests(filter) : 0), query);
  }

  /** A page past the end has no row to carry the total: it is counted on its own. */
  private async countVacancies(filter: { sql: string; params: string[] }): Promise<number> {
    return this.count(`SELECT count(*)::int AS n FROM pooled_vacancy v ${filter.sql}`, filter.params);
  }

  private async countRequests(filter: { sql: string; params: string[] }): Promise<number> {
    return this.count(`SELECT count(*)::int AS n FROM hire_request h ${filter.sql}`, filter.params);
  }

  private async count(sql: string, params: string[]): Promise<number> {
    // The filters are numbered from $3, after the page's limit and offset: shift them down for a query without those.
    const renumbered = sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) - 2}`);
    const [{ n }]: { n: number }[] = await this.dataSource.query(renumbered, params);
    return n;
  }
}
