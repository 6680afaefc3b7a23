import { Principal } from '@app/platform';

import { VolunteeringErrors } from './volunteering.errors';

/**
 * The admin sees every volunteer; a member sees only the volunteer record linked to their own member
 * id (and its account, hours and claims).
 */
export function mayActOnVolunteer(principal: Principal, volunteer: { memberId: string | null }): boolean {
  if (principal.role === 'coop-admin') return true;
  return principal.role === 'member' && principal.memberId !== undefined && volunteer.memberId === principal.memberId;
}

/** Anyone else's volunteer gives the same 404 as one that does not exist, so ids cannot be probed. */
export function assertMayActOnVolunteer(principal: Principal, volunteer: { id: string; memberId: string | null }): void {
  if (!mayActOnVolunteer(principal, volunteer)) throw VolunteeringErrors.volunteerNotFound(volunteer.id);
}

/**
 * The same rule for lists: 'all', or the member whose linked records alone may be listed (null, for
 * a member token that names no member, matches nothing).
 */
export type VolunteerScope = 'all' | { memberId: string | null };

export function volunteerScope(principal: Principal): VolunteerScope {
  return principal.role === 'coop-admin' ? 'all' : { memberId: principal.memberId ?? null };
}
