import type { Request } from 'express';

import { menuFor, PageSection } from '@app/web';

const STAFF = ['consortium-staff'];
const READERS = ['consortium-staff', 'commissioner'];

/** The pages' menu, each entry with the roles that may open it (the same as the page's own @PageRoles). */
const SECTIONS: readonly PageSection[] = [
  { href: '/cycles', text: 'Return cycles', roles: STAFF },
  { href: '/reports', text: 'Published reports', roles: READERS },
  { href: '/trends', text: 'Trends', roles: READERS },
  { href: '/rounds', text: 'Purchasing', roles: STAFF },
  { href: '/joint-tenders', text: 'Tenders', roles: READERS },
  { href: '/package-requests', text: 'Care packages', roles: READERS },
  { href: '/time-credits', text: 'Time credits', roles: READERS },
  { href: '/registry', text: 'Co-ops', roles: STAFF },
  { href: '/pool', text: 'Recruitment', roles: STAFF },
  { href: '/journeys', text: 'Onboarding', roles: STAFF },
];

/** The menu for the person signed in: the sections their role may open, the current one marked active. */
export function pageNavigation(req: Request, active: string) {
  return menuFor(SECTIONS, req.session?.user?.role, active);
}
