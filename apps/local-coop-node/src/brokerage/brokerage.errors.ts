import { DomainError } from '@app/platform';

import type { AnswerProblem } from './brokerage.rules';

export const BrokerageErrors = {
  requestNotFound: (id: string) =>
    new DomainError('BROKERAGE.REQUEST_NOT_FOUND', `package request ${id} not found on this node`, 'not-found'),
  answer: (p: AnswerProblem) => new DomainError(p.rule, p.message, p.kind),
};
