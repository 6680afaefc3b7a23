import type { Request } from 'express';

/** The pages' menu: staff also see the return cycles; the current section marked active. */
export function pageNavigation(req: Request, active: '/reports' | '/cycles') {
  const items = [{ href: '/reports', text: 'Published reports' }];
  if (req.session?.user?.role === 'consortium-staff') items.unshift({ href: '/cycles', text: 'Return cycles' });
  return items.map((i) => ({ ...i, active: i.href === active }));
}
