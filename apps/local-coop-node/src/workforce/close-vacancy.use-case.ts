import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { OutboxRelay } from '@app/federation';
import { todayIso } from '@app/platform';

import { CloseVacancyDto, VacancyView } from './vacancies.dto';
import { VacancyQueries } from './vacancy.queries';
import { VacancyStore } from './vacancy.store';
import { VacancyPoolStore } from './vacancy-pool.store';
import { WorkforceErrors } from './workforce.errors';
import { vacancyClosingViolation } from './workforce.rules';

/**
 * Closes an open vacancy as filled or withdrawn; a closed vacancy stays closed. A vacancy in the
 * consortium's pool leaves it in the same transaction, and the hub is told how it closed.
 */
@Injectable()
export class CloseVacancy {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: VacancyQueries,
    private readonly store: VacancyStore,
    private readonly pool: VacancyPoolStore,
    private readonly relay: OutboxRelay,
  ) {}

  /** In the caller's transaction when it passes one (hiring an applicant fills the vacancy); the caller then nudges the relay. */
  async execute(id: string, dto: CloseVacancyDto, manager?: EntityManager): Promise<VacancyView> {
    const close = async (m: EntityManager) => {
      const vacancy = await this.store.lockForChange(m, id);
      const closedOn = dto.closedOn ?? todayIso();
      const violation = vacancyClosingViolation(vacancy, closedOn);
      if (violation) throw WorkforceErrors.rule(violation);
      await m.query('UPDATE vacancy SET status = $2, closed_on = $3 WHERE id = $1', [id, dto.status, closedOn]);
      if (vacancy.pooled) await this.pool.change(m, vacancy, { state: dto.status, startsOn: vacancy.startsOn! });
      return this.queries.get(id, m);
    };
    if (manager) return close(manager);
    const closed = await this.dataSource.transaction(close);
    this.relay.nudge();
    return closed;
  }
}
