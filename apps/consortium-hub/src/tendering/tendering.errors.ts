import { DomainError } from '@app/platform';

import type { AwardViolation } from './award.rules';
import type { EnquiryRuleViolation } from './enquiry.rules';
import type { LotRuleViolation } from './lot-change.rules';
import type { OfferRefusal } from './offer.rules';
import type { ChallengeViolation } from './standstill.rules';
import type { StageViolation, TenderStage } from './tender-stage.rules';

export const TenderingErrors = {
  tenderNotFound: (id: string) => new DomainError('TENDERING.TENDER_NOT_FOUND', `tender ${id} not found`, 'not-found'),
  lotNotFound: (id: string) => new DomainError('TENDERING.LOT_NOT_FOUND', `lot ${id} is not a lot of this tender`, 'not-found'),
  /** 409 with the current stage and what it still allows. */
  stage: (v: StageViolation) => new DomainError(v.rule, v.message, 'conflict', { currentStage: v.stage, allowedActions: v.allowedActions }),
  /** A lot rule; the ones about the stage (LOTS_FIXED, TENDER_FIXED) carry the current stage. */
  lot: (v: LotRuleViolation) => new DomainError(v.rule, v.message, v.kind, v.currentStage ? { currentStage: v.currentStage } : undefined),
  offer: (v: OfferRefusal) => new DomainError(v.rule, v.message, v.kind),
  award: (v: AwardViolation) => new DomainError(v.rule, v.message, 'invalid'),
  enquiry: (v: EnquiryRuleViolation) => new DomainError(v.rule, v.message, v.kind),
  challenge: (v: ChallengeViolation, currentStage?: TenderStage) =>
    new DomainError(v.rule, v.message, v.kind, currentStage ? { currentStage } : undefined),
  enquiryNotFound: (id: string) =>
    new DomainError('TENDERING.ENQUIRY_NOT_FOUND', `enquiry ${id} is not a question on this tender`, 'not-found'),
  challengeNotFound: (id: string) =>
    new DomainError('TENDERING.CHALLENGE_NOT_FOUND', `challenge ${id} is not a challenge to this tender`, 'not-found'),
  enquiryIdTaken: (id: string) =>
    new DomainError('TENDERING.ENQUIRY_ID_TAKEN', `enquiry id ${id} is already another question's: ask again with a new id`, 'conflict'),
  deadlineBeforeDates: (what: string) =>
    new DomainError('TENDERING.DEADLINE_BEFORE_DATES', `the deadline must be after ${what}: move that first`, 'invalid'),
  deadlinePassed: (deadline: Date, currentStage: TenderStage) =>
    new DomainError(
      'TENDERING.DEADLINE_PASSED',
      `the tender is ${currentStage} and its deadline ${deadline.toISOString()} has passed: set a later one first`,
      'conflict',
      { currentStage },
    ),
  deadlineInPast: () => new DomainError('TENDERING.DEADLINE_IN_PAST', 'deadline must be in the future', 'invalid'),
  duplicateReference: (reference: string) =>
    new DomainError('TENDERING.DUPLICATE_LOT_REFERENCE', `two lots have the reference ${reference}`, 'invalid'),
  nobodyToInvite: (references: string[]) =>
    new DomainError(
      'TENDERING.NOBODY_TO_INVITE',
      `no registered co-op serves the locality and service of lot ${references.join(', ')}`,
      'conflict',
      { lots: references },
    ),
  unknownCoops: (ids: string[]) =>
    new DomainError('TENDERING.UNKNOWN_COOPS', `alsoInvite names co-ops not in the registry: ${ids.join(', ')}`, 'invalid'),
  notAssembled: (currentStage: TenderStage) =>
    new DomainError(
      'TENDERING.NOT_ASSEMBLED',
      `the tender is ${currentStage} but no bid has been assembled: assemble it first (POST /tenders/:id/assembly)`,
      'conflict',
      { currentStage },
    ),
  assemblyStale: (currentStage: TenderStage) =>
    new DomainError(
      'TENDERING.ASSEMBLY_STALE',
      `the tender is ${currentStage} and an offer arrived after the bid was assembled: assemble it again before submitting`,
      'conflict',
      { currentStage },
    ),
  notDecided: () =>
    new DomainError('TENDERING.NOT_DECIDED', 'the council has not decided on this tender yet: there is no award to export', 'not-found'),
  emptyBid: (currentStage: TenderStage) =>
    new DomainError(
      'TENDERING.EMPTY_BID',
      `the tender is ${currentStage} and its bid covers no hours: there is nothing to submit`,
      'conflict',
      { currentStage },
    ),
};
