import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { ContractType } from '@app/contracts';
import { monthsBefore, PeriodQuery } from '@app/platform';

import { RulebookStore } from '../rulebook';
import { VacancyQueries } from './vacancy.queries';
import { WorkforceErrors } from './workforce.errors';
import { periodViolation, StaffFacts, workforceFigures } from './workforce.rules';
import { WorkforceSummaryView } from './workforce-summary.dto';

interface StaffFactsRow {
  started_on: string;
  left_on: string | null;
  contract_type: ContractType;
  hourly_pay_pence: number;
}

@Injectable()
export class WorkforceSummaryQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rulebooks: RulebookStore,
    private readonly vacancies: VacancyQueries,
  ) {}

  async summary(period: PeriodQuery): Promise<WorkforceSummaryView> {
    const violation = periodViolation(period);
    if (violation) throw WorkforceErrors.invalid(violation);
    // Only the four facts the figures need, and only for staff employed at some point in the period
    // or in the twelve months before its last day (turnover's leavers).
    const rows: StaffFactsRow[] = await this.dataSource.query(
      `SELECT started_on, left_on, contract_type, hourly_pay_pence FROM staff
        WHERE started_on <= $2 AND (left_on IS NULL OR left_on >= LEAST($1::date, $3::date))`,
      [period.from, period.to, monthsBefore(period.to, 12)],
    );
    const staff: StaffFacts[] = rows.map((r) => ({
      startedOn: r.started_on,
      leftOn: r.left_on,
      contractType: r.contract_type,
      hourlyPayPence: r.hourly_pay_pence,
    }));
    const rlw = (await this.rulebooks.current()).rulebook.realLivingWagePencePerHour;
    const figures = workforceFigures(staff, period, rlw, await this.vacancies.countOpenAtEndOf(period.to));
    return { from: period.from, to: period.to, realLivingWagePencePerHour: rlw, ...figures };
  }
}
