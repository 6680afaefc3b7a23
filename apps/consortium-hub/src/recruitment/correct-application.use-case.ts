import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { todayIso } from '@app/platform';

import { applicationFromRow, applyPatch } from './application.mapper';
import { applicationProblems } from './application.rules';
import { ApplicationStore } from './application.store';
import { CandidateQueries } from './candidate.queries';
import { CandidateStore } from './candidate.store';
import { ApplicationPatchDto, ApplicationView } from './recruitment.dto';
import { RecruitmentErrors } from './recruitment.errors';

/** Corrects some fields of the application (UK GDPR Art. 16); the rules are checked on the whole result. */
@Injectable()
export class CorrectApplication {
  constructor(
    private readonly dataSource: DataSource,
    private readonly candidates: CandidateStore,
    private readonly applications: ApplicationStore,
    private readonly queries: CandidateQueries,
  ) {}

  async execute(candidateId: string, dto: ApplicationPatchDto, now = new Date()): Promise<ApplicationView> {
    return this.dataSource.transaction(async (m) => {
      await this.candidates.lockOwn(m, candidateId);
      const current = await this.applications.lock(m, candidateId);
      if (!current) throw RecruitmentErrors.noApplication();
      const next = applyPatch(applicationFromRow(current), dto);
      const given = (field: string) => (dto as Record<string, unknown>)[field] !== undefined;
      const problems = applicationProblems(next, todayIso(), given);
      if (problems.length) throw RecruitmentErrors.applicationRules(problems);
      await this.applications.save(m, candidateId, next, now);
      await this.candidates.touch(m, candidateId, now);
      return this.queries.application(candidateId, m);
    });
  }
}
