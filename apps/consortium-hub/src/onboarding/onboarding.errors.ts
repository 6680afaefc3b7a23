import { DomainError } from '@app/platform';

import type { CloseViolation, EvidenceDateProblem, ReopenViolation } from './journey.rules';

/**
 * Refusals of the onboarding journey. Those a sponsor's node can meet (a proposal, its templates) are of
 * kind invalid or conflict, so the inbox refuses the message for good and the node reads the reason in
 * its receipt.
 */
export const OnboardingErrors = {
  journeyNotFound: (id: string) => new DomainError('ONBOARDING.JOURNEY_NOT_FOUND', `journey ${id} not found`, 'not-found'),
  coopIdTaken: (coopId: string) =>
    new DomainError(
      'ONBOARDING.COOP_ID_TAKEN',
      `co-op id ${coopId} is already in the registry: propose the spin-off under another id`,
      'conflict',
    ),
  proposalIdTaken: (proposalId: string) =>
    new DomainError(
      'ONBOARDING.PROPOSAL_ID_TAKEN',
      `proposal ${proposalId} was already made for another spin-off or by another sponsor`,
      'conflict',
    ),
  sponsorNotMember: (sponsorCoopId: string, status: string, message: string) =>
    new DomainError('ONBOARDING.SPONSOR_NOT_MEMBER', `${sponsorCoopId}: ${message}`, 'conflict', { sponsorStatus: status }),
  targets: (message: string) => new DomainError('ONBOARDING.TARGETS_OUT_OF_ORDER', message, 'invalid'),
  noJourneyFor: (spinOffCoopId: string) =>
    new DomainError('ONBOARDING.NO_JOURNEY', `no spin-off journey for co-op ${spinOffCoopId}: propose it first`, 'conflict'),
  notTheSponsor: (coopId: string, spinOffCoopId: string) =>
    new DomainError(
      'ONBOARDING.NOT_THE_SPONSOR',
      `co-op ${coopId} is not the sponsor of ${spinOffCoopId}: only the sponsor shares its templates`,
      'conflict',
    ),
  repeatedPolicy: (key: string) =>
    new DomainError('ONBOARDING.POLICY_REPEATED', `policies name ${key} more than once: one template per policy`, 'invalid', { key }),
  close: (v: CloseViolation) =>
    new DomainError(v.rule, v.message, 'conflict', v.rule === 'ONBOARDING.STAGE_OUT_OF_ORDER' ? { openStage: v.openStage } : undefined),
  reopen: (v: ReopenViolation) =>
    new DomainError(v.rule, v.message, 'conflict', v.rule === 'ONBOARDING.LATER_STAGE_CLOSED' ? { closedStage: v.closedStage } : undefined),
  evidenceDate: (p: EvidenceDateProblem) =>
    new DomainError(
      p.rule,
      p.message,
      'invalid',
      p.rule === 'ONBOARDING.EVIDENCE_BEFORE_PREVIOUS' ? { previousStage: p.previousStage } : undefined,
    ),
};
