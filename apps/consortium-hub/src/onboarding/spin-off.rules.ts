import { CoopStatus } from '@app/contracts';

/**
 * What a spin-off proposal must be, beyond the shape its contract checks: a sponsor that is a member
 * (a co-op merely proposed, suspended or gone cannot send out a runner), targets in order, and the
 * templates a sponsor shares naming each policy once. Pure rules: the use cases read the facts.
 */

/** Statuses of a co-op that can sponsor a spin-off. */
export const SPONSOR_STATUSES: readonly CoopStatus[] = ['forming', 'registered', 'trading'];

export function sponsorStatusProblem(status: CoopStatus): string | null {
  if (SPONSOR_STATUSES.includes(status)) return null;
  return `the sponsor is ${status}: only a ${SPONSOR_STATUSES.join(', ')} co-op can propose a spin-off`;
}

export interface Targets {
  readonly registeredBy?: string | null;
  readonly tradingBy?: string | null;
}

/** A co-op trades after it is registered, so a target to trade before the target to register is a mistake. */
export function targetsProblem(targets: Targets): string | null {
  if (targets.registeredBy && targets.tradingBy && targets.tradingBy < targets.registeredBy)
    return `targets.tradingBy ${targets.tradingBy} is before targets.registeredBy ${targets.registeredBy}: a co-op registers before it trades`;
  return null;
}

/** The first policy key given twice, or null: the joining node keeps one document per key. */
export function repeatedPolicyKey(policies: readonly { key: string }[]): string | null {
  const seen = new Set<string>();
  for (const p of policies) {
    if (seen.has(p.key)) return p.key;
    seen.add(p.key);
  }
  return null;
}
