import type { Request } from 'express';

import { menuFor, PageSection } from '@app/web';

const ADMIN = ['coop-admin'];
const MEMBER = ['member'];

/** The node's page sections: an admin's, and a member's. A section is shown to the roles that may see it. */
const SECTIONS: readonly PageSection[] = [
  { href: '/admin', text: 'Overview', roles: ADMIN },
  { href: '/admin/profile', text: 'Profile', roles: ADMIN },
  { href: '/admin/members', text: 'Members', roles: ADMIN },
  { href: '/admin/ballots', text: 'Ballots', roles: ADMIN },
  { href: '/admin/workforce', text: 'Workforce', roles: ADMIN },
  { href: '/admin/care', text: 'Care', roles: ADMIN },
  { href: '/admin/safeguarding', text: 'Safeguarding', roles: ADMIN },
  { href: '/admin/time-bank', text: 'Time bank', roles: ADMIN },
  { href: '/admin/invitations', text: 'Invitations', roles: ADMIN },
  { href: '/admin/package-requests', text: 'Care packages', roles: ADMIN },
  { href: '/admin/purchases', text: 'Purchases', roles: ADMIN },
  { href: '/admin/returns', text: 'Returns', roles: ADMIN },
  { href: '/admin/federation', text: 'Federation', roles: ADMIN },
  { href: '/me', text: 'My membership', roles: MEMBER },
  { href: '/me/ballots', text: 'Ballots', roles: MEMBER },
];

/** The pages' menu for the person signed in, the current section marked active. */
export function pageNavigation(req: Request, active: string) {
  return menuFor(SECTIONS, req.session?.user?.role, active);
}
