import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { todayIso } from '@app/platform';

import { OpenVacancyDto, VacancyView } from './vacancies.dto';
import { VacancyQueries } from './vacancy.queries';
import { WorkforceErrors } from './workforce.errors';
import { contractViolation } from './workforce.rules';

@Injectable()
export class OpenVacancy {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: VacancyQueries,
  ) {}

  async execute(dto: OpenVacancyDto): Promise<VacancyView> {
    const violation = contractViolation(dto.contractType, dto.minutesPerWeek);
    if (violation) throw WorkforceErrors.rule(violation);
    return this.dataSource.transaction(async (m) => {
      const id = randomUUID();
      await m.query(
        `INSERT INTO vacancy (id, role, contract_type, minutes_per_week, hourly_pay_pence, locality, opened_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, dto.role, dto.contractType, dto.minutesPerWeek, dto.hourlyPayPence, dto.locality, dto.openedOn ?? todayIso()],
      );
      return this.queries.get(id, m);
    });
  }
}
