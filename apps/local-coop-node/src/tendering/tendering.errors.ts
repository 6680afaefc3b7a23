import { DomainError } from '@app/platform';

import type { OfferProblem } from './tendering.rules';

export const TenderingErrors = {
  invitationNotFound: (tenderId: string) =>
    new DomainError('TENDERING.INVITATION_NOT_FOUND', `the hub has not invited this co-op to tender ${tenderId}`, 'not-found'),
  /** `lotId` names the offer refused, so a form can show the reason beside that lot's fields. */
  offer: (p: OfferProblem, lotId: string) => new DomainError(p.rule, p.message, p.kind, { lotId }),
  enquiry: (p: OfferProblem) => new DomainError(p.rule, p.message, p.kind),
  totalNeeded: (message: string) => new DomainError('TENDERING.TOTAL_NEEDED', message, 'invalid'),
  lotTwice: (lotId: string) => new DomainError('TENDERING.LOT_TWICE', `offers name lot ${lotId} twice`, 'invalid'),
  periodBackwards: () => new DomainError('TENDERING.PERIOD', 'to must not be before from', 'invalid'),
};
