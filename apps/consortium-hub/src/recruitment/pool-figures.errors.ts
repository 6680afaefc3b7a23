import { DomainError } from '@app/platform';

import type { PeriodProblem } from './pool-figures.rules';

export const PoolFiguresErrors = {
  badPeriod: (problem: PeriodProblem) =>
    new DomainError('RECRUITMENT.FIGURES_PERIOD', problem.message, 'invalid', { fields: [...problem.fields] }),
};
