import type { CareViolation } from './care.rules';

/**
 * A person's care record is needed while the co-op supports them: their details can be erased only
 * once support has ended, i.e. from the day after its last day, and no safeguarding concern about them
 * is still open (the council's enquiry may need the account). Returns the broken rule, or null.
 */
export function serviceUserErasureViolation(person: { endedOn: string | null }, today: string, openConcerns = 0): CareViolation | null {
  if (person.endedOn === null) {
    return {
      rule: 'CARE.ERASURE_NOT_ALLOWED',
      message: 'support is ongoing, and the care record is needed while the co-op supports the person: end support first',
    };
  }
  if (person.endedOn >= today) {
    return {
      rule: 'CARE.ERASURE_NOT_ALLOWED',
      message: `support runs until ${person.endedOn}: the record can be erased from the day after`,
    };
  }
  if (openConcerns > 0) {
    return {
      rule: 'CARE.ERASURE_NOT_ALLOWED',
      message: `${openConcerns} safeguarding concern(s) about the person are still open: record their outcome first`,
    };
  }
  return null;
}

/** What stands in for the name of a person whose details were erased. */
export function erasedPersonLabel(serviceUserId: string): string {
  return `Erased person #${serviceUserId.slice(0, 8)}`;
}
