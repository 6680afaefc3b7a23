import { DomainError } from '@app/platform';

export const MemberErrors = {
  notFound: (id: string) => new DomainError('MEMBERS.NOT_FOUND', `member ${id} not found`, 'not-found'),
  classNotAdmitted: (cls: string) => new DomainError('MEMBERS.CLASS_NOT_ADMITTED', `the rulebook does not admit the ${cls} class`, 'conflict'),
  alreadyWithdrawn: (id: string) => new DomainError('MEMBERS.ALREADY_WITHDRAWN', `member ${id} has already withdrawn`, 'conflict'),
  shares: (rule: string, message: string) => new DomainError(rule, message, 'conflict'),
  withdrawalBeforeAdmission: () => new DomainError('MEMBERS.WITHDRAWAL_BEFORE_ADMISSION', 'a member cannot withdraw before the day they were admitted', 'invalid'),
};
