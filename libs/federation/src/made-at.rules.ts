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
 * A time in the past is taken as it is: that is what lets an offline node's work count. But a signature
 * only proves who made the message, not when: a sender can sign any time it likes. So the claim is
 * bounded from both sides by the receiver's own facts. From below, by when the thing was asked for (a
 * return cannot be made before its cycle opened): that check is the caller's. From above, by arrival:
 * a message that claims to be made before a deadline counts as such only if it arrives within a grace
 * period after the deadline (`madeInTimeFor`); later than that its claim is not taken, whatever it
 * says. The receiver keeps its own arrival time beside it, so a pattern of late arrivals is visible.
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

/**
 * Whether a message made at `made` (as `madeAt` gives it) and received at `receivedAt` counts as made
 * before `deadline`: it must say so, and it must have arrived by the deadline plus `graceMs`. Without
 * the second half a sender could backdate its time to beat any deadline, long after it passed. The
 * grace is what a node that was offline for a while needs to deliver what it made in time; arriving
 * exactly at its end is still in time.
 */
export function madeInTimeFor(deadline: Date, made: Date, receivedAt: Date, graceMs: number): boolean {
  return made.getTime() < deadline.getTime() && receivedAt.getTime() <= deadline.getTime() + graceMs;
}
