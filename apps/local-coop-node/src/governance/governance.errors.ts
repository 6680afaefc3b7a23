import { DomainError } from '@app/platform';

import type { RuleViolation } from '../rulebook';

export const GovernanceErrors = {
  ballotNotFound: (id: string) => new DomainError('GOVERNANCE.BALLOT_NOT_FOUND', `ballot ${id} not found`, 'not-found'),
  outsideWindow: (state: string) =>
    new DomainError('GOVERNANCE.OUTSIDE_WINDOW', `the ballot is ${state}: votes are taken only while it is open`, 'conflict'),
  alreadyVoted: () => new DomainError('GOVERNANCE.ALREADY_VOTED', 'this member has already voted on this ballot', 'conflict'),
  notEligible: (why: string) => new DomainError('GOVERNANCE.NOT_ELIGIBLE', why, 'conflict'),
  stillOpen: (closesAt: Date) =>
    new DomainError('GOVERNANCE.STILL_OPEN', `the ballot closes at ${closesAt.toISOString()}; its result is computed then`, 'conflict'),
  badVote: (message: string) => new DomainError('GOVERNANCE.INVALID_VOTE', message, 'invalid'),
  badCandidate: (message: string) => new DomainError('GOVERNANCE.INVALID_CANDIDATE', message, 'conflict'),
  windowInPast: () => new DomainError('GOVERNANCE.WINDOW_IN_PAST', 'closesAt must be in the future', 'invalid'),
  opensInPast: () =>
    new DomainError(
      'GOVERNANCE.OPENS_IN_PAST',
      'opensAt must not be in the past: members admitted since then would lose their vote',
      'invalid',
    ),
  board: (violations: RuleViolation[]) =>
    new DomainError(violations[0].rule, violations.map((v) => v.message).join('; '), 'conflict', { violations }),
  rulebookNeedsMembers: () =>
    new DomainError('GOVERNANCE.NO_MEMBERS_TO_VOTE', 'there are no members to vote on a special resolution', 'conflict'),
};
