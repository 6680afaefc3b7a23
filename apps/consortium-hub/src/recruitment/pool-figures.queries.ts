import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { STAFF_ROLES } from '@app/contracts';
import { todayIso } from '@app/platform';

import { HubConfig } from '../config/hub.config';
import { HUB_CONFIG } from '../config/hub-config.token';
import { isSuppressed, PublishedFigure } from '../reporting';
import { CountCellView, FigureCellView, PoolFiguresView } from './pool-figures.dto';
import { PoolFiguresErrors } from './pool-figures.errors';
import {
  ControlledFigures,
  controlOverlapping,
  controlSharedTotal,
  CountPart,
  daysBetween,
  figuresPeriod,
  isPeriodProblem,
  Period,
  POOL_CONTRIBUTOR,
  POOL_REQUEST_STATUSES,
  timeToHire,
} from './pool-figures.rules';

interface CategoryCount {
  category: string;
  count: number;
}

interface HireRow {
  coop_id: string;
  role: string;
  locality: string;
  first_pooled_at: Date;
  hired_at: Date;
}

/** The day's first instant in UTC, and the first instant after the period's last day. */
const PERIOD_SQL = `h.{column} >= ($1::date)::timestamp AT TIME ZONE 'Europe/London' AND h.{column} < ($2::date + 1)::timestamp AT TIME ZONE 'Europe/London'`;
const inPeriod = (column: string) => PERIOD_SQL.replaceAll('{column}', column);

const byName = (a: string, b: string) => a.localeCompare(b, 'en-GB');

/**
 * The pool's figures for consortium staff and commissioners: the pool now (candidates and vacancies),
 * and over a period the vacancies filled from it, the time to hire and the requests to hire by how they
 * ended. Read in one snapshot, so the figures agree with each other.
 */
@Injectable()
export class PoolFiguresQueries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
  ) {}

  async figures(asked: { from?: string; to?: string }): Promise<PoolFiguresView> {
    const period = figuresPeriod(asked, todayIso());
    if (isPeriodProblem(period)) throw PoolFiguresErrors.badPeriod(period);
    const threshold = this.config.REPORTING_THRESHOLD;
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const candidates = await this.candidates(m, threshold);
      const vacancies = await this.vacancies(m);
      const hires: HireRow[] = await m.query(
        `SELECT h.coop_id, h.role, h.locality, v.first_pooled_at, h.hired_at
           FROM hire_request h JOIN pooled_vacancy v ON v.coop_id = h.coop_id AND v.vacancy_id = h.vacancy_id
          WHERE h.status = 'hired' AND ${inPeriod('hired_at')}`,
        [period.from, period.to],
      );
      const filled = this.filled(hires, threshold);
      const requests = await this.requests(m, period, threshold);
      const suppressedFigures = [candidates, filled, requests].reduce((n, f) => n + countSuppressed(f), 0);
      return {
        generatedAt: new Date().toISOString(),
        period,
        disclosure: {
          threshold,
          suppressedFigures,
          note: 'Counts of people (candidates, hires, requests to hire) from 1 to the threshold are suppressed, and others with them so that none can be worked out from a total or from what a co-op knows of its own hires and requests. Zero is shown. Vacancies are posts, shown as they are.',
        },
        candidatesInPool: {
          description:
            'Candidates in the pool now: consent to the pool given and not withdrawn, record not ended. A candidate counts in each locality they reach and each role they seek, so each breakdown can add up to more than the total.',
          total: candidates.total,
          byLocality: cellsOf(candidates, 'locality'),
          byRole: cellsOf(candidates, 'role'),
        },
        vacanciesInPool: {
          description: "Co-ops' vacancies in the pool now (state pooled). Vacancies are posts, not people: shown as they are.",
          ...vacancies,
        },
        filledFromPool: {
          description:
            "Vacancies filled from the pool in the period: requests to hire that ended in a hire (the hiring node applied the application) on a day of the period, by the vacancy's locality and role.",
          total: filled.total,
          byLocality: cellsOf(filled, 'locality'),
          byRole: cellsOf(filled, 'role'),
        },
        timeToHire: {
          description:
            'Days from the vacancy first entering the pool to the hire, for the hires of the period: the median, beside the count it is taken over. A median is shown only beside a count that is shown and above the threshold.',
          overall: timeToHire(
            filled.total,
            hires.map((h) => daysBetween(h.first_pooled_at, h.hired_at)),
            threshold,
          ),
          byRole: STAFF_ROLES.map((role) => ({
            role,
            ...timeToHire(
              cellsOf(filled, 'role').find((c) => c.category === role)!.value,
              hires.filter((h) => h.role === role).map((h) => daysBetween(h.first_pooled_at, h.hired_at)),
              threshold,
            ),
          })),
        },
        requests: {
          description: 'Requests to hire made in the period, by where each stands now (every status, zeros included).',
          total: requests.total,
          byOutcome: cellsOf(requests, 'outcome'),
        },
      };
    });
  }

  private async candidates(m: EntityManager, threshold: number): Promise<ControlledFigures> {
    const IN_POOL = `FROM candidate c
       JOIN candidate_application a ON a.candidate_id = c.id
      WHERE c.erased_at IS NULL
        AND EXISTS (SELECT 1 FROM candidate_consent k WHERE k.candidate_id = c.id AND k.kind = 'pool' AND k.withdrawn_at IS NULL)`;
    const [{ count }]: { count: number }[] = await m.query(`SELECT count(*)::int AS count ${IN_POOL}`);
    const localities: CategoryCount[] = await m.query(
      `SELECT l AS category, count(DISTINCT c.id)::int AS count ${IN_POOL.replace('WHERE', ', unnest(a.localities) l WHERE')} GROUP BY l`,
    );
    const roles: CategoryCount[] = await m.query(
      `SELECT r AS category, count(DISTINCT c.id)::int AS count ${IN_POOL.replace('WHERE', ', unnest(a.roles_sought) r WHERE')} GROUP BY r`,
    );
    const pool = (rows: CategoryCount[]): CountPart[] =>
      rows.map((r) => ({ category: r.category, contributor: POOL_CONTRIBUTOR, count: r.count }));
    return controlOverlapping(
      { count, parts: count ? [{ contributor: POOL_CONTRIBUTOR, count }] : [] },
      [
        { dimension: 'locality', categories: localities.map((r) => r.category).sort(byName), parts: pool(localities) },
        { dimension: 'role', categories: [...STAFF_ROLES], parts: pool(roles) },
      ],
      threshold,
    );
  }

  private async vacancies(m: EntityManager): Promise<{ total: number; byLocality: CountCellView[]; byRole: CountCellView[] }> {
    const rows: { locality: string; role: string; count: number }[] = await m.query(
      "SELECT locality, role, count(*)::int AS count FROM pooled_vacancy WHERE state = 'pooled' GROUP BY locality, role",
    );
    const sumBy = (key: 'locality' | 'role', categories: string[]) =>
      categories.map((category) => ({ category, value: rows.filter((r) => r[key] === category).reduce((n, r) => n + r.count, 0) }));
    return {
      total: rows.reduce((n, r) => n + r.count, 0),
      byLocality: sumBy('locality', [...new Set(rows.map((r) => r.locality))].sort(byName)),
      byRole: sumBy('role', [...STAFF_ROLES]),
    };
  }

  /** Each hiring co-op knows its own hires: each is a contributor, so none can take its own away and see a few of the others'. */
  private filled(hires: HireRow[], threshold: number): ControlledFigures {
    const parts = (key: 'locality' | 'role'): CountPart[] => hires.map((h) => ({ category: h[key], contributor: h.coop_id, count: 1 }));
    return controlSharedTotal(
      [
        { dimension: 'locality', categories: [...new Set(hires.map((h) => h.locality))].sort(byName), parts: parts('locality') },
        { dimension: 'role', categories: [...STAFF_ROLES], parts: parts('role') },
      ],
      threshold,
    );
  }

  private async requests(m: EntityManager, period: Period, threshold: number): Promise<ControlledFigures> {
    const rows: { coop_id: string; status: string; count: number }[] = await m.query(
      `SELECT h.coop_id, h.status, count(*)::int AS count FROM hire_request h WHERE ${inPeriod('requested_at')} GROUP BY h.coop_id, h.status`,
      [period.from, period.to],
    );
    return controlSharedTotal(
      [
        {
          dimension: 'outcome',
          categories: [...POOL_REQUEST_STATUSES],
          parts: rows.map((r) => ({ category: r.status, contributor: r.coop_id, count: r.count })),
        },
      ],
      threshold,
    );
  }
}

function cellsOf(figures: ControlledFigures, dimension: string): FigureCellView[] {
  return [...(figures.breakdowns.find((b) => b.dimension === dimension)?.cells ?? [])];
}

function countSuppressed(figures: ControlledFigures): number {
  const values: PublishedFigure[] = [figures.total, ...figures.breakdowns.flatMap((b) => b.cells.map((c) => c.value))];
  return values.filter(isSuppressed).length;
}
