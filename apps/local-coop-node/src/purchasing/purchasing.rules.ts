/**
 * A round as this node knows it. The hub's messages about a round can arrive out of order (a retry
 * lets a later one overtake), so the node only ever moves a round forward: open → closed → ordered →
 * delivered, or cancelled, never back.
 */
export const NODE_ROUND_STATES = ['open', 'closed', 'ordered', 'delivered', 'cancelled'] as const;
export type NodeRoundState = (typeof NODE_ROUND_STATES)[number];

const RANK: Record<NodeRoundState, number> = { open: 0, closed: 1, ordered: 2, delivered: 3, cancelled: 4 };

/** The state after hearing `incoming`: whichever is further along. */
export function advancedState(current: NodeRoundState | null, incoming: NodeRoundState): NodeRoundState {
  return current === null || RANK[incoming] > RANK[current] ? incoming : current;
}

export interface CommitRefusal {
  rule: string;
  message: string;
}

/**
 * The node refuses a commitment it already knows the hub would: to a round no longer open, or after
 * the closing time by its own clock. Anything else goes to the hub, which has the last word.
 */
export function localCommitRefusal(state: NodeRoundState, closesAt: Date, now: Date): CommitRefusal | null {
  if (state !== 'open')
    return { rule: 'PURCHASING.ROUND_NOT_OPEN', message: `the round is ${state}: commitments are taken only while it is open` };
  if (now >= closesAt) return { rule: 'PURCHASING.ROUND_CLOSED', message: `the round closed at ${closesAt.toISOString()}` };
  return null;
}
