import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { OutboxRelay } from '@app/federation';

import { VacancyPoolStore, VacancyQueries, VacancyStore, VacancyView } from '../workforce';
import { RecruitmentErrors } from './recruitment.errors';
import { unpoolViolation } from './recruitment.rules';

/** Takes a vacancy out of the pool, still open on the node; the hub stops matching it. */
@Injectable()
export class UnpoolVacancy {
  constructor(
    private readonly dataSource: DataSource,
    private readonly vacancies: VacancyStore,
    private readonly pool: VacancyPoolStore,
    private readonly queries: VacancyQueries,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(id: string): Promise<VacancyView> {
    const view = await this.dataSource.transaction(async (m) => {
      const vacancy = await this.vacancies.lockForChange(m, id);
      const violation = unpoolViolation(vacancy);
      if (violation) throw RecruitmentErrors.rule(violation);
      await this.pool.change(m, vacancy, { state: 'unpooled', startsOn: vacancy.startsOn! });
      return this.queries.get(id, m);
    });
    this.relay.nudge();
    return view;
  }
}
