import { LONDON_TODAY_SQL, Principal } from '@app/platform';

import { MemberErrors } from './members.errors';

/**
 * A member may see and change only their own record; the admin sees all. Anyone else's id gives the
 * same 404 as an id that does not exist, so ids cannot be probed.
 */
export function assertMayActOnMember(principal: Principal, memberId: string): void {
  if (principal.role === 'coop-admin') return;
  if (principal.role === 'member' && principal.memberId === memberId) return;
  throw MemberErrors.notFound(memberId);
}

/** SQL: the member row `m` is a current member (not withdrawn as of today, not erased). */
export const CURRENT_MEMBER = `(m.withdrawn_on IS NULL OR m.withdrawn_on > ${LONDON_TODAY_SQL}) AND m.erased_at IS NULL`;
