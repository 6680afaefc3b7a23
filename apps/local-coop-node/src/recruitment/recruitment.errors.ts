import { DomainError } from '@app/platform';

import type { RecruitmentViolation } from './recruitment.rules';

export const RecruitmentErrors = {
  rule: (v: RecruitmentViolation) => new DomainError(v.code, v.message, v.kind),
  requestNotFound: (id: string) => new DomainError('RECRUITMENT.REQUEST_NOT_FOUND', `request to hire ${id} not found`, 'not-found'),
  alreadyErased: (id: string) => new DomainError('RECRUITMENT.ALREADY_ERASED', `applicant ${id} is already erased`, 'conflict'),
  applicantNotFound: (id: string) => new DomainError('RECRUITMENT.APPLICANT_NOT_FOUND', `applicant ${id} not found`, 'not-found'),
  hubUnreachable: (reason: string) =>
    new DomainError(
      'RECRUITMENT.HUB_UNREACHABLE',
      `the hub could not be reached (${reason}); nothing was changed, try again shortly`,
      'unavailable',
    ),
  hubRefused: (reason: string) => new DomainError('RECRUITMENT.HUB_REFUSED', `the hub refused: ${reason}`, 'conflict'),
  /** The hub answered about a request this node never made: refused, so the hub hears of it. */
  unknownRequest: (id: string) => new DomainError('RECRUITMENT.UNKNOWN_REQUEST', `this co-op made no request to hire ${id}`, 'conflict'),
  /** A sealed application this node must not record; the reason never quotes its content. */
  application: (code: string, message: string) => new DomainError(`RECRUITMENT.${code}`, message, 'invalid'),
};
