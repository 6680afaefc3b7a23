import type { Connectivity } from '../registry';

/** How many co-ops a page of the registry lists. */
export const REGISTRY_PAGE_SIZE = 100;

const CONNECTIVITY: Record<Connectivity, { text: string; classes: string }> = {
  online: { text: 'Online', classes: 'govuk-tag--green' },
  offline: { text: 'Offline', classes: 'govuk-tag--red' },
  'never-seen': { text: 'Never seen', classes: 'govuk-tag--grey' },
};

/** The tag a page shows for whether a co-op's node is online, as the registry judges it from its last heartbeat. */
export function connectivityTag(connectivity: Connectivity): { text: string; classes: string } {
  return CONNECTIVITY[connectivity];
}

/** A co-op's registry status in words: `trading` reads Trading. */
export function statusLabel(status: string): string {
  return status.charAt(0).toUpperCase() + status.slice(1);
}

/** The page asked for by `?page=`: a whole number from 1; anything else is the first page. */
export function pageNumber(raw: unknown): number {
  const n = typeof raw === 'string' && /^[1-9][0-9]{0,5}$/.test(raw) ? Number(raw) : 1;
  return n;
}

/** GOV.UK pagination for a list of `total` items shown `size` a page: links to the page before and after, and to each page. */
export function pagination(path: string, page: number, total: number, size: number) {
  const pages = Math.max(1, Math.ceil(total / size));
  if (pages === 1) return null;
  const href = (n: number) => `${path}?page=${n}`;
  return {
    previous: page > 1 ? { href: href(page - 1) } : undefined,
    next: page < pages ? { href: href(page + 1) } : undefined,
    items: Array.from({ length: pages }, (_, i) => ({ number: i + 1, href: href(i + 1), current: i + 1 === page })),
  };
}

/** How long ago an instant was, in the largest whole unit: `12 seconds ago`, `3 minutes ago`, `2 days ago`. */
export function timeAgo(iso: string | null, now: Date): string {
  if (!iso) return 'never';
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 1000));
  const units: [number, string][] = [
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ];
  const [size, name] = units.find(([s]) => seconds >= s) ?? [1, 'second'];
  const n = Math.floor(seconds / size);
  return `${n} ${name}${n === 1 ? '' : 's'} ago`;
}
