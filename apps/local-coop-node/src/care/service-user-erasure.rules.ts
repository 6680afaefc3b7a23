import type { CareViolation } from './care.rules';

/**
 * A person's care record is needed while the co-op supports them: their details can be erased only
 * once support has ended, i.e. from the day after its last day. Returns the broken rule, or null.
 */
export function serviceUserErasureViolation(person: { endedOn: string | null }, today: string): CareViolation | null {
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
  return null;
}

/** What stands in for the name of a person whose details were erased. */
export function erasedPersonLabel(serviceUserId: string): string {
  return `Erased person #${serviceUserId.slice(0, 8)}`;
}
