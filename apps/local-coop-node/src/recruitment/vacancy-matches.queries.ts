import { Injectable } from '@nestjs/common';

import { RECRUITMENT_MATCHES_ASK } from '@app/contracts';
import { AskClient } from '@app/federation';

import { VacancyQueries } from '../workforce';
import { RecruitmentErrors } from './recruitment.errors';
import { unpoolViolation } from './recruitment.rules';
import { VacancyMatchesView } from './vacancy-pool.dto';

/**
 * The pool's candidates for one pooled vacancy, asked of the hub while the admin waits: nothing is
 * kept on the node, and a hub that cannot be reached is said so (503) rather than guessed at.
 */
@Injectable()
export class VacancyMatchesQueries {
  constructor(
    private readonly vacancies: VacancyQueries,
    private readonly asks: AskClient,
  ) {}

  async forVacancy(vacancyId: string): Promise<VacancyMatchesView> {
    const violation = unpoolViolation(await this.vacancies.get(vacancyId));
    if (violation) throw RecruitmentErrors.rule(violation);
    const outcome = await this.asks.ask(RECRUITMENT_MATCHES_ASK, { vacancyId });
    if (!outcome.ok) {
      if (outcome.problem === 'refused') throw RecruitmentErrors.hubRefused(outcome.reason);
      throw RecruitmentErrors.hubUnreachable(outcome.reason);
    }
    const { answer } = outcome;
    if (answer.vacancyId !== vacancyId) throw RecruitmentErrors.hubUnreachable('the hub answered about another vacancy');
    return {
      vacancyId: answer.vacancyId,
      matchedAt: answer.matchedAt,
      matches: answer.matches.map((p) => ({
        profileId: p.profileId,
        rank: p.rank,
        score: p.score,
        fit: { hours: p.fit.hours, availableByStart: p.fit.availableByStart, checksValidOnStart: p.fit.checksValidOnStart },
        dbs: p.dbs,
        drives: p.drives,
        hoursBand: p.hoursBand,
        languages: p.languages,
        requested: p.requested,
      })),
    };
  }
}
