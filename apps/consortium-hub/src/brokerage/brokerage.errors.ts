import { DomainError } from '@app/platform';

import type { OfflineCoopView } from './brokerage.dto';
import type { Refusal } from './brokerage.rules';

export const BrokerageErrors = {
  requestNotFound: (id: string) => new DomainError('BROKERAGE.REQUEST_NOT_FOUND', `package request ${id} not found`, 'not-found'),
  refused: (r: Refusal) => new DomainError(r.rule, r.message, r.kind, r.details),
  nobodyToAsk: (locality: string, offline: OfflineCoopView[]) =>
    new DomainError(
      'BROKERAGE.NOBODY_TO_ASK',
      offline.length
        ? `every co-op that serves ${locality} with these services is offline now (${offline.map((o) => o.coopId).join(', ')}): nothing was posted`
        : `no co-op in the registry serves ${locality} with all these services: nothing was posted`,
      'conflict',
      { offline },
    ),
  answerByPassed: () => new DomainError('BROKERAGE.ANSWER_BY_PASSED', 'answerBy must be in the future', 'invalid'),
  badPeriod: (message: string) => new DomainError('BROKERAGE.BAD_PERIOD', message, 'invalid'),
};
