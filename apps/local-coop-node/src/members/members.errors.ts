import { DomainError } from '@app/platform';

export const MemberErrors = {
  notFound: (id: string) => new DomainError('MEMBERS.NOT_FOUND', `member ${id} not found`, 'not-found'),
  classNotAdmitted: (cls: string) =>
    new DomainError('MEMBERS.CLASS_NOT_ADMITTED', `the rulebook does not admit the ${cls} class`, 'conflict'),
  alreadyWithdrawn: (id: string) => new DomainError('MEMBERS.ALREADY_WITHDRAWN', `member ${id} has already withdrawn`, 'conflict'),
  shares: (rule: string, message: string) => new DomainError(rule, message, 'conflict'),
  /** Every reason the member's details must still be kept, so the admin sees what to settle first. */
  erasureNotAllowed: (id: string, reasons: string[]) =>
    new DomainError('MEMBERS.ERASURE_NOT_ALLOWED', `member ${id} cannot be erased yet: ${reasons.join('; ')}`, 'conflict', { reasons }),
  alreadyErased: (id: string) => new DomainError('MEMBERS.ALREADY_ERASED', `member ${id} has already been erased`, 'conflict'),
  withdrawalInFuture: () =>
    new DomainError('MEMBERS.WITHDRAWAL_IN_FUTURE', 'withdrawnOn cannot be after today: record the withdrawal when it happens', 'invalid'),
  withdrawalBeforeAdmission: () =>
    new DomainError('MEMBERS.WITHDRAWAL_BEFORE_ADMISSION', 'a member cannot withdraw before the day they were admitted', 'invalid'),
};
