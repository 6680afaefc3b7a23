import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { CloseVacancyDto, VacancyView } from './vacancies.dto';
import { VacancyQueries } from './vacancy.queries';
import { VacancyStore } from './vacancy.store';
import { WorkforceErrors } from './workforce.errors';
import { vacancyClosingViolation } from './workforce.rules';

/** Closes an open vacancy as filled or withdrawn; a closed vacancy stays closed. */
@Injectable()
export class CloseVacancy {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: VacancyQueries,
    private readonly store: VacancyStore,
  ) {}

  async execute(id: string, dto: CloseVacancyDto): Promise<VacancyView> {
    return this.dataSource.transaction(async (m) => {
      const vacancy = await this.store.lockForChange(m, id);
      const closedOn = dto.closedOn ?? new Date().toISOString().slice(0, 10);
      const violation = vacancyClosingViolation(vacancy, closedOn);
      if (violation) throw WorkforceErrors.rule(violation);
      await m.query('UPDATE vacancy SET status = $2, closed_on = $3 WHERE id = $1', [id, dto.status, closedOn]);
      return this.queries.get(id, m);
    });
  }
}
