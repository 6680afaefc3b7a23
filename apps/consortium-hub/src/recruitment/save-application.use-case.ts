import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { todayIso } from '@app/platform';

import { applicationFromDto } from './application.mapper';
import { applicationProblems } from './application.rules';
import { ApplicationStore } from './application.store';
import { CandidateQueries } from './candidate.queries';
import { CandidateStore } from './candidate.store';
import { ApplicationDto, ApplicationView } from './recruitment.dto';
import { RecruitmentErrors } from './recruitment.errors';

/** Makes or replaces the signed-in candidate's whole application; a broken rule changes nothing. */
@Injectable()
export class SaveApplication {
  constructor(
    private readonly dataSource: DataSource,
    private readonly candidates: CandidateStore,
    private readonly applications: ApplicationStore,
    private readonly queries: CandidateQueries,
  ) {}

  async execute(candidateId: string, dto: ApplicationDto, now = new Date()): Promise<ApplicationView> {
    const application = applicationFromDto(dto);
    const problems = applicationProblems(application, todayIso(), () => true);
    if (problems.length) throw RecruitmentErrors.applicationRules(problems);
    return this.dataSource.transaction(async (m) => {
      await this.candidates.lockOwn(m, candidateId);
      await this.applications.save(m, candidateId, application, now);
      await this.candidates.touch(m, candidateId, now);
      return this.queries.application(candidateId, m);
    });
  }
}
