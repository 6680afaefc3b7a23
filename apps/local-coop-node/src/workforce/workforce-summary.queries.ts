import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { ContractType } from '@app/contracts';
import { monthsBefore, PeriodQuery } from '@app/platform';

import { RulebookStore } from '../rulebook';
import { VacancyQueries } from './vacancy.queries';
import { WorkforceErrors } from './workforce.errors';
import { disadvantagedWorkersCheck, isEmployedOn, periodViolation, StaffFacts, workforceFigures } from './workforce.rules';
import { WorkforceSummaryView } from './workforce-summary.dto';

interface StaffFactsRow {
  started_on: string;
  left_on: string | null;
  contract_type: ContractType;
  hourly_pay_pence: number;
  disadvantaged: boolean;
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
      `SELECT started_on, left_on, contract_type, hourly_pay_pence, disadvantaged FROM staff
        WHERE started_on <= $2 AND (left_on IS NULL OR left_on >= LEAST($1::date, $3::date))`,
      [period.from, period.to, monthsBefore(period.to, 12)],
    );
    const staff: StaffFacts[] = rows.map((r) => ({
      startedOn: r.started_on,
      leftOn: r.left_on,
      contractType: r.contract_type,
      hourlyPayPence: r.hourly_pay_pence,
    }));
    const { rulebook } = await this.rulebooks.current();
    const rlw = rulebook.realLivingWagePencePerHour;
    const figures = workforceFigures(staff, period, rlw, await this.vacancies.countOpenAtEndOf(period.to));
    // The Type B rule, measured as the board balance is: on the workers employed on the last day.
    const atEnd = rows.filter((r) => isEmployedOn({ startedOn: r.started_on, leftOn: r.left_on }, period.to));
    const check = disadvantagedWorkersCheck(
      atEnd.length,
      atEnd.filter((r) => r.disadvantaged).length,
      rulebook.minimumDisadvantagedWorkersPercent ?? null,
    );
    const { violation: typeB, ...disadvantaged } = check;
    return {
      from: period.from,
      to: period.to,
      realLivingWagePencePerHour: rlw,
      ...figures,
      disadvantagedWorkers: { ...disadvantaged, rule: typeB?.rule ?? null, message: typeB?.message ?? null },
    };
  }
}
