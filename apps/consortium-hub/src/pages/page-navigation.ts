import type { Request } from 'express';

const STAFF = 'consortium-staff';
const COMMISSIONER = 'commissioner';

/** The menu, in its order: each section with the roles that may see it (the same as its pages' roles). */
const SECTIONS: { href: string; text: string; roles: readonly string[] }[] = [
  { href: '/cycles', text: 'Return cycles', roles: [STAFF] },
  { href: '/reports', text: 'Published reports', roles: [STAFF, COMMISSIONER] },
  { href: '/rounds', text: 'Purchasing', roles: [STAFF] },
  { href: '/joint-tenders', text: 'Tenders', roles: [STAFF, COMMISSIONER] },
];

export type PageSection = '/reports' | '/cycles' | '/rounds' | '/joint-tenders';

/** The pages' menu: the sections the signed-in person's role may see; the current section marked active. */
export function pageNavigation(req: Request, active: PageSection) {
  const role = req.session?.user?.role ?? '';
  return SECTIONS.filter((s) => s.roles.includes(role)).map(({ href, text }) => ({ href, text, active: href === active }));
}
