import type { Request } from 'express';

const STAFF = ['consortium-staff'];
const READERS = ['consortium-staff', 'commissioner'];

/** The pages' menu, each entry with the roles that may open it (the same as the page's own @PageRoles). */
const SECTIONS: readonly { href: string; text: string; roles: readonly string[] }[] = [
  { href: '/cycles', text: 'Return cycles', roles: STAFF },
  { href: '/reports', text: 'Published reports', roles: READERS },
  { href: '/trends', text: 'Trends', roles: READERS },
  { href: '/rounds', text: 'Purchasing', roles: STAFF },
  { href: '/joint-tenders', text: 'Tenders', roles: READERS },
  { href: '/registry', text: 'Co-ops', roles: STAFF },
  { href: '/pool', text: 'Recruitment', roles: STAFF },
  { href: '/journeys', text: 'Onboarding', roles: STAFF },
];

/** The menu for the person signed in: the sections their role may open, the current one marked active. */
export function pageNavigation(req: Request, active: string) {
  const role = req.session?.user?.role ?? '';
  return SECTIONS.filter((s) => s.roles.includes(role)).map(({ href, text }) => ({ href, text, active: href === active }));
}
