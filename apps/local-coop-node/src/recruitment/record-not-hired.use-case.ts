import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { ApplicantQueries } from './applicant.queries';
import { ApplicantStore } from './applicant.store';
import { ApplicantView } from './applicants.dto';
import { RecruitmentErrors } from './recruitment.errors';
import { applicantDecisionViolation } from './recruitment.rules';

/** The co-op decides not to hire an applicant; the application stays until it is erased. */
@Injectable()
export class RecordNotHired {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applicants: ApplicantStore,
    private readonly queries: ApplicantQueries,
  ) {}

  async execute(id: string): Promise<ApplicantView> {
    return this.dataSource.transaction(async (m) => {
      const violation = applicantDecisionViolation(await this.applicants.lock(m, id));
      if (violation) throw RecruitmentErrors.rule(violation);
      await this.applicants.decide(m, id, 'not-hired');
      return this.queries.get(id, m);
    });
  }
}
