import { DomainError } from '@app/platform';

import type { PurchaseViolation } from './node-purchase.rules';
import type { CommitRefusal, NodeRoundState } from './purchasing.rules';

export const PurchasingErrors = {
  roundNotFound: (id: string) =>
    new DomainError('PURCHASING.ROUND_NOT_FOUND', `this co-op has not been invited to purchasing round ${id}`, 'not-found'),
  itemNotInRound: (itemId: string, roundId: string) =>
    new DomainError('PURCHASING.ITEM_NOT_IN_ROUND', `item ${itemId} is not bought in round ${roundId}`, 'not-found'),
  commitRefused: (r: CommitRefusal, currentState: NodeRoundState) => new DomainError(r.rule, r.message, 'conflict', { currentState }),
  purchaseNotFound: (id: string) => new DomainError('PURCHASING.PURCHASE_NOT_FOUND', `purchase ${id} not found`, 'not-found'),
  /** The purchase contradicts the co-op's records: a day ahead of today, or a locality it does not serve. */
  purchaseRefused: (v: PurchaseViolation) => new DomainError(v.rule, v.message, 'invalid'),
  lineTooLarge: (reason: string) => new DomainError('PURCHASING.LINE_TOO_LARGE', reason, 'invalid'),
};
