import { DomainError } from '@app/platform';

import type { RoundAction, RoundRuleViolation, RoundState } from './round-state.rules';

export const PurchasingErrors = {
  itemNotFound: (id: string) => new DomainError('PURCHASING.ITEM_NOT_FOUND', `catalogue item ${id} not found`, 'not-found'),
  roundNotFound: (id: string) => new DomainError('PURCHASING.ROUND_NOT_FOUND', `purchasing round ${id} not found`, 'not-found'),
  priceBreaks: (problems: RoundRuleViolation[]) =>
    new DomainError('PURCHASING.PRICE_BREAKS', problems.map((p) => p.message).join('; '), 'invalid', {
      problems: problems.map((p) => p.message),
    }),
  transition: (v: RoundRuleViolation, currentState: RoundState, allowedActions: RoundAction[]) =>
    new DomainError(v.rule, v.message, 'conflict', { currentState, allowedActions }),
  closesInPast: (closesAt: Date) =>
    new DomainError(
      'PURCHASING.CLOSES_IN_PAST',
      `closesAt ${closesAt.toISOString()} has passed: give the round a closing time in the future`,
      'invalid',
    ),
  coopNotFound: (id: string) => new DomainError('PURCHASING.COOP_NOT_FOUND', `co-op ${id} is not in the registry`, 'not-found'),
  coopNotActive: (id: string, status: string) =>
    new DomainError(
      'PURCHASING.COOP_NOT_ACTIVE',
      `co-op ${id} is ${status}: only registered or trading co-ops with a key can be invited`,
      'conflict',
    ),
  noCoopsToInvite: (currentState: RoundState) =>
    new DomainError(
      'PURCHASING.NO_COOPS_TO_INVITE',
      `the round is ${currentState} and there is no registered or trading co-op to invite: it stays ${currentState}`,
      'conflict',
      { currentState },
    ),
  /** quantity × solo price (+ order charge) above PURCHASING_LIMITS.maxLinePence: the reason names the quantity. */
  lineTooLarge: (reason: string) => new DomainError('PURCHASING.LINE_TOO_LARGE', reason, 'invalid'),
  nothingToOrder: () =>
    new DomainError('PURCHASING.NOTHING_TO_ORDER', 'no co-op committed to any item: cancel the round instead', 'conflict', {
      currentState: 'closed',
    }),
  notInvited: (coopId: string, roundId: string) =>
    new DomainError('PURCHASING.NOT_INVITED', `co-op ${coopId} was not invited to round ${roundId}`, 'forbidden'),
  itemNotInRound: (itemId: string, roundId: string) =>
    new DomainError('PURCHASING.ITEM_NOT_IN_ROUND', `item ${itemId} is not bought in round ${roundId}`, 'invalid'),
  committedAtMismatch: (committedAt: string, occurredAt: string) =>
    new DomainError(
      'PURCHASING.COMMITTED_AT_MISMATCH',
      `committedAt ${committedAt} must be the envelope's occurredAt ${occurredAt}: the node stamps both from one clock reading`,
      'invalid',
    ),
  /** A commitment that does not count (closed, final, cancelled, clock): the reason goes back to the node. */
  commitmentRefused: (v: RoundRuleViolation, currentState: RoundState) => new DomainError(v.rule, v.message, 'conflict', { currentState }),
};
