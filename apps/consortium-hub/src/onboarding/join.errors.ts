import { DomainError } from '@app/platform';

import type { JoinIssueProblem, JoinTokenState } from './join-token.rules';

/** Refusals of issuing, revoking and redeeming join tokens (docs/onboarding.md, Joining with one command). */
export const JoinErrors = {
  journeyNotFound: (id: string) => new DomainError('JOIN.JOURNEY_NOT_FOUND', `no onboarding journey ${id}`, 'not-found'),
  tokenNotFound: (id: string) => new DomainError('JOIN.TOKEN_NOT_FOUND', `no join token ${id}`, 'not-found'),
  cannotIssue: (problem: JoinIssueProblem, coopId: string) => {
    switch (problem) {
      case 'not-registered':
        return new DomainError(
          'JOIN.NOT_REGISTERED',
          `the journey's 'registered' stage is not closed: a join token is issued once ${coopId} is registered as a society`,
          'conflict',
          { stage: 'registered' },
        );
      case 'already-joined':
        return new DomainError('JOIN.ALREADY_JOINED', `co-op ${coopId} already has its key: it has joined`, 'conflict');
      case 'left':
        return new DomainError('JOIN.COOP_LEFT', `co-op ${coopId} has left the consortium`, 'conflict');
      case 'no-locality':
        return new DomainError('JOIN.NO_LOCALITY', `co-op ${coopId} has no locality in the registry: its node could not start`, 'conflict');
    }
  },
  notRevocable: (id: string, state: JoinTokenState) =>
    new DomainError('JOIN.TOKEN_NOT_REVOCABLE', `join token ${id} is ${state}: only a waiting token can be revoked`, 'conflict', { state }),
  /** The token is not one this hub issued: mistyped, altered, or never issued. Nothing tells a near miss from a wild guess. */
  tokenUnknown: () =>
    new DomainError(
      'JOIN.TOKEN_UNKNOWN',
      'this join token is not one the hub issued: check it, or ask consortium staff for a new one',
      'forbidden',
    ),
  tokenRefused: (state: Exclude<JoinTokenState, 'waiting'>) => {
    switch (state) {
      case 'used':
        return new DomainError(
          'JOIN.TOKEN_USED',
          'this join token has been used already: each works once; ask consortium staff for a new one',
          'conflict',
        );
      case 'revoked':
        return new DomainError('JOIN.TOKEN_REVOKED', 'this join token was revoked: ask consortium staff for a new one', 'forbidden');
      case 'expired':
        return new DomainError('JOIN.TOKEN_EXPIRED', 'this join token has expired: ask consortium staff for a new one', 'forbidden');
    }
  },
  coopAlreadyJoined: (coopId: string) =>
    new DomainError('JOIN.ALREADY_JOINED', `co-op ${coopId} already has its key: this token cannot give it another`, 'conflict'),
  coopLeft: (coopId: string) => new DomainError('JOIN.COOP_LEFT', `co-op ${coopId} has left the consortium`, 'conflict'),
  badKey: (field: 'publicKey' | 'sealingKey') =>
    new DomainError(
      'JOIN.BAD_KEY',
      field === 'publicKey'
        ? 'publicKey is not an NKey user public key: its checksum does not match'
        : 'sealingKey is not a curve public key: its checksum does not match',
      'invalid',
      { field },
    ),
  keyInUse: (field: 'publicKey' | 'sealingKey') =>
    new DomainError('JOIN.KEY_IN_USE', `${field} is already another member's key: make new keys and join again`, 'conflict', { field }),
};
