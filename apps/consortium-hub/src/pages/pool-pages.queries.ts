import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';

import { wordsOf } from '@app/web';

import { PoolFiguresQueries, PoolRequestsQuery, PoolStaffQueries, PoolVacanciesQuery } from '../recruitment';
import { figureText, POOL_PAGE_SIZE, requestRow, vacanciesByCoop } from './pool-pages.rules';

type Cell = { category: string; value: Parameters<typeof figureText>[0] };

/**
 * What the recruitment pool page shows, read through the staff's pool API (GET /recruitment/pool/vacancies
 * and /requests) and the pool's figures (GET /recruitment/figures, with its disclosure control). Those
 * read nothing about a candidate, and neither does this page: no name, no contact, no id.
 */
@Injectable()
export class PoolPages {
  constructor(
    private readonly staff: PoolStaffQueries,
    private readonly figures: PoolFiguresQueries,
  ) {}

  async pool() {
    const [vacancies, requests, figures] = await Promise.all([
      this.staff.vacancies(plainToInstance(PoolVacanciesQuery, { limit: POOL_PAGE_SIZE })),
      this.staff.requests(plainToInstance(PoolRequestsQuery, { limit: POOL_PAGE_SIZE })),
      this.figures.figures({}),
    ]);
    const cells = (rows: readonly Cell[], label: (category: string) => string = (c) => c) =>
      rows.map((c) => ({ label: label(c.category), ...figureText(c.value) }));
    return {
      coops: vacanciesByCoop(vacancies.items),
      vacancies: { shown: vacancies.items.length, total: vacancies.total },
      requests: { rows: requests.items.map(requestRow), total: requests.total },
      figures: {
        period: figures.period,
        disclosure: figures.disclosure,
        candidates: {
          description: figures.candidatesInPool.description,
          total: figureText(figures.candidatesInPool.total),
          byLocality: cells(figures.candidatesInPool.byLocality),
          byRole: cells(figures.candidatesInPool.byRole, wordsOf),
        },
        vacancies: {
          description: figures.vacanciesInPool.description,
          total: figures.vacanciesInPool.total,
          byLocality: cells(figures.vacanciesInPool.byLocality),
          byRole: cells(figures.vacanciesInPool.byRole, wordsOf),
        },
        filled: {
          description: figures.filledFromPool.description,
          total: figureText(figures.filledFromPool.total),
          byLocality: cells(figures.filledFromPool.byLocality),
          byRole: cells(figures.filledFromPool.byRole, wordsOf),
        },
        timeToHire: {
          description: figures.timeToHire.description,
          rows: [
            { role: 'All roles', ...figures.timeToHire.overall },
            ...figures.timeToHire.byRole.map((r) => ({ ...r, role: wordsOf(r.role) })),
          ].map((r) => ({ role: r.role, hires: figureText(r.hires), median: figureText(r.medianDays) })),
        },
        requests: {
          description: figures.requests.description,
          total: figureText(figures.requests.total),
          byOutcome: cells(figures.requests.byOutcome, wordsOf),
        },
      },
    };
  }
}
