import { createHash, timingSafeEqual } from 'node:crypto';

export interface MetricsSettings {
  /** The operator's bearer token for GET /metrics; unset, the metrics are not served. */
  token?: string;
}

export const METRICS_SETTINGS = Symbol('METRICS_SETTINGS');

/** Whether an Authorization header carries the metrics token, compared in constant time. */
export function tokenMatches(authorization: string | undefined, token: string): boolean {
  const given = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  if (!given) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(token));
}

/** The label a request is counted under: its route template (bounded), never the raw path (unbounded). */
export function routeLabel(routePath: unknown, matched: boolean): string {
  return matched && typeof routePath === 'string' ? routePath : 'unmatched';
}
