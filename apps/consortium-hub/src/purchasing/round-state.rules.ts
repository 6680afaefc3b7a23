/**
 * The life of a purchasing round. Draft (being prepared) → open (co-ops commit) → closed (no more
 * commitments; the allocation is provisional) → ordered (the allocation is final and sent to the
 * co-ops) → delivered. Any round not yet delivered can be cancelled. Delivered and cancelled are final.
 */
export const ROUND_STATES = ['draft', 'open', 'closed', 'ordered', 'delivered', 'cancelled'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

export const ROUND_ACTIONS = ['open', 'close', 'order', 'deliver', 'cancel'] as const;
export type RoundAction = (typeof ROUND_ACTIONS)[number];

export interface RoundRuleViolation {
  rule: string;
  message: string;
}

const TRANSITIONS: Record<RoundState, Partial<Record<RoundAction, RoundState>>> = {
  draft: { open: 'open', cancel: 'cancelled' },
  open: { close: 'closed', cancel: 'cancelled' },
  closed: { order: 'ordered', cancel: 'cancelled' },
  // An order the supplier cannot fill is cancelled; the co-ops are told, and it counts as no spend.
  ordered: { deliver: 'delivered', cancel: 'cancelled' },
  delivered: {},
  cancelled: {},
};

export function roundTransition(state: RoundState, action: RoundAction): { next: RoundState } | { violation: RoundRuleViolation } {
  const next = TRANSITIONS[state][action];
  if (next) return { next };
  return { violation: { rule: 'PURCHASING.TRANSITION_REFUSED', message: `a round that is ${state} cannot be ${PAST_TENSE[action]}` } };
}

/** What a round in this state still allows, for a refusal's details. */
export function allowedRoundActions(state: RoundState): RoundAction[] {
  return Object.keys(TRANSITIONS[state]) as RoundAction[];
}

const PAST_TENSE: Record<RoundAction, string> = {
  open: 'opened',
  close: 'closed',
  order: 'ordered',
  deliver: 'delivered',
  cancel: 'cancelled',
};
