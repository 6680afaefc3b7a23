import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { OutboxRelay } from '@app/federation';
import { todayIso } from '@app/platform';

import { VacancyPoolStore, VacancyQueries, VacancyStore, VacancyView } from '../workforce';
import { RecruitmentErrors } from './recruitment.errors';
import { poolStart } from './recruitment.rules';
import { PoolVacancyDto } from './vacancy-pool.dto';

/**
 * Puts an open vacancy in the consortium's pool (or moves a pooled one's start date): its terms, never
 * a name, go to the hub with a new revision in the same transaction, and the hub matches candidates to it.
 */
@Injectable()
export class PoolVacancy {
  constructor(
    private readonly dataSource: DataSource,
    private readonly vacancies: VacancyStore,
    private readonly pool: VacancyPoolStore,
    private readonly queries: VacancyQueries,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(id: string, dto: PoolVacancyDto): Promise<VacancyView> {
    const view = await this.dataSource.transaction(async (m) => {
      const vacancy = await this.vacancies.lockForChange(m, id);
      const start = poolStart(vacancy, dto.startsOn, todayIso());
      if ('violation' in start) throw RecruitmentErrors.rule(start.violation);
      await this.pool.change(m, vacancy, { state: 'pooled', startsOn: start.startsOn });
      return this.queries.get(id, m);
    });
    this.relay.nudge();
    return view;
  }
}
