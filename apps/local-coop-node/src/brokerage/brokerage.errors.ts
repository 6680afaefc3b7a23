import { DomainError } from '@app/platform';

import type { AnswerProblem } from './brokerage.rules';

export const BrokerageErrors = {
  requestNotFound: (id: string) =>
    new DomainError('BROKERAGE.REQUEST_NOT_FOUND', `package request ${id} not found on this node`, 'not-found'),
  placementNotFound: (id: string) =>
    new DomainError('BROKERAGE.PLACEMENT_NOT_FOUND', `no package ${id} was placed with this co-op`, 'not-found'),
  careAlreadyStarted: (id: string, serviceUserId: string) =>
    new DomainError(
      'BROKERAGE.CARE_ALREADY_STARTED',
      `care for placement ${id} has started already: the person supported is ${serviceUserId}`,
      'conflict',
      { serviceUserId },
    ),
  answer: (p: AnswerProblem) => new DomainError(p.rule, p.message, p.kind),
};
