/**
 * Which time counts for a message that must be judged against a deadline (a return after a cycle's
 * lock, a commitment after a round closes, an offer after a tender's deadline).
 *
 * The sender's own `occurredAt` counts, not the time it reached us: a node that was offline made its
 * message when it says it did, and the envelope is signed with the sender's key, so the time cannot be
 * changed on the way. Only the sender's clock can be wrong. A clock running ahead could slip a message
 * past a deadline it met, or be used to look later than it was; so a time more than `maxAheadMs` ahead of
 * the receiver's clock is refused outright (the sender must fix its clock), and a time slightly ahead,
 * within the limit, is taken as the moment of arrival: nothing is made after it was received.
 *
 * A time in the past is trusted as it is, however far back: that is what lets an offline node's work
 * count. The receiver keeps its own arrival time beside it, so a pattern of late arrivals is visible.
 */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000;

export type MadeAt = { ok: true; at: Date } | { ok: false; reason: string };

export function madeAt(occurredAt: string | Date, receivedAt: Date, maxAheadMs: number = MAX_CLOCK_AHEAD_MS): MadeAt {
  const made = occurredAt instanceof Date ? occurredAt : new Date(occurredAt);
  if (Number.isNaN(made.getTime())) return { ok: false, reason: `occurredAt ${String(occurredAt)} is not a time` };
  const aheadMs = made.getTime() - receivedAt.getTime();
  if (aheadMs > maxAheadMs) {
    return {
      ok: false,
      reason:
        `occurredAt ${made.toISOString()} is ${Math.round(aheadMs / 1000)} s ahead of the receiver's clock (${receivedAt.toISOString()}), ` +
        `more than the ${Math.round(maxAheadMs / 1000)} s allowed: the sender's clock is wrong`,
    };
  }
  return { ok: true, at: aheadMs > 0 ? receivedAt : made };
}
