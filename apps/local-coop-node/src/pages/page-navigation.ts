import type { Request } from 'express';

/** The node's page sections: an admin's, and a member's. A section is shown to the roles that may see it. */
const SECTIONS: { href: string; text: string; role: 'coop-admin' | 'member' }[] = [
  { href: '/admin', text: 'Overview', role: 'coop-admin' },
  { href: '/admin/profile', text: 'Profile', role: 'coop-admin' },
  { href: '/admin/members', text: 'Members', role: 'coop-admin' },
  { href: '/admin/ballots', text: 'Ballots', role: 'coop-admin' },
  { href: '/admin/workforce', text: 'Workforce', role: 'coop-admin' },
  { href: '/admin/care', text: 'Care', role: 'coop-admin' },
  { href: '/admin/time-bank', text: 'Time bank', role: 'coop-admin' },
  { href: '/admin/invitations', text: 'Invitations', role: 'coop-admin' },
  { href: '/admin/returns', text: 'Returns', role: 'coop-admin' },
  { href: '/admin/federation', text: 'Federation', role: 'coop-admin' },
  { href: '/me', text: 'My membership', role: 'member' },
  { href: '/me/ballots', text: 'Ballots', role: 'member' },
];

/** The pages' menu for the person signed in, the current section marked active. */
export function pageNavigation(req: Request, active: string) {
  const role = req.session?.user?.role;
  return SECTIONS.filter((s) => s.role === role).map((s) => ({ href: s.href, text: s.text, active: s.href === active }));
}
