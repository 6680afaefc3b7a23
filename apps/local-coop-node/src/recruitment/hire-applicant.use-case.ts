import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { OutboxRelay } from '@app/federation';
import { todayIso } from '@app/platform';

import { CloseVacancy, HireStaff, VacancyStore } from '../workforce';
import { ApplicantQueries } from './applicant.queries';
import { ApplicantStore } from './applicant.store';
import { ApplicantHiredView, HireApplicantDto } from './applicants.dto';
import { RecruitmentErrors } from './recruitment.errors';
import { applicantDecisionViolation, fillingDay } from './recruitment.rules';

/**
 * Hires an applicant on the vacancy they applied for, in one transaction: a staff record through the
 * workforce's own hiring (every rule of a contract applies), the applicant marked hired with it, and
 * the vacancy closed as filled, which takes it out of the pool and tells the hub.
 */
@Injectable()
export class HireApplicant {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applicants: ApplicantStore,
    private readonly queries: ApplicantQueries,
    private readonly vacancies: VacancyStore,
    private readonly hireStaff: HireStaff,
    private readonly closeVacancy: CloseVacancy,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(id: string, dto: HireApplicantDto): Promise<ApplicantHiredView> {
    const hired = await this.dataSource.transaction(async (m) => {
      const applicant = await this.applicants.lock(m, id);
      const violation = applicantDecisionViolation(applicant);
      if (violation) throw RecruitmentErrors.rule(violation);
      const vacancy = await this.vacancies.lockForChange(m, applicant.vacancyId);
      const staff = await this.hireStaff.execute(
        {
          fullName: applicant.fullName,
          role: vacancy.role,
          contractType: vacancy.contractType,
          hourlyPayPence: dto.hourlyPayPence ?? vacancy.hourlyPayPence,
          contractedMinutesPerWeek: dto.contractedMinutesPerWeek ?? vacancy.minutesPerWeek,
          startedOn: dto.startedOn,
          locality: vacancy.locality,
          memberId: null,
        },
        m,
      );
      // Already closed (filled another way, or withdrawn while the candidate was answering): the hire stands, the vacancy stays as it is.
      if (vacancy.status === 'open')
        await this.closeVacancy.execute(vacancy.id, { status: 'filled', closedOn: fillingDay(vacancy, todayIso()) }, m);
      await this.applicants.decide(m, id, 'hired', staff.id);
      return { applicant: await this.queries.get(id, m), staffId: staff.id };
    });
    this.relay.nudge();
    return hired;
  }
}
