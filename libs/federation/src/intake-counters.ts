import { Injectable } from '@nestjs/common';

import { isRefusalReason, RefusalReason } from '@app/contracts';
import { safeErrorMessage } from '@app/platform';

/**
 * Where a message came in. A closed set, like the reasons, so that a counter per pair stays bounded
 * whatever arrives (and can become a Prometheus label as it is).
 */
export const INTAKE_SUBSCRIPTIONS = ['heartbeats', 'live-answers', 'live-questions', 'asks', 'ask-answers', 'durable'] as const;
export type IntakeSubscription = (typeof INTAKE_SUBSCRIPTIONS)[number];

export interface RefusalCount {
  subscription: IntakeSubscription;
  reason: RefusalReason;
  count: number;
}

/** A flood of bad messages must not become a flood of log lines: one line per kind per window. */
const LOG_WINDOW_MS = 10_000;

/**
 * In-process counts of refused incoming messages, per subscription and reason, since the process
 * started. A refused message is counted and otherwise dropped; the counts are what an operator sees
 * on the federation status.
 */
@Injectable()
export class IntakeCounters {
  private readonly counts = new Map<string, RefusalCount & { loggedAt: number; loggedCount: number }>();

  /** The clock, replaceable in a test. */
  now: () => number = Date.now;

  /**
   * Counts one refusal. Returns how many of this kind were refused since the last one worth a log
   * line (this one included), or 0 when this one should not be logged: the first of a kind, and then
   * at most one every ten seconds, are.
   */
  refused(subscription: IntakeSubscription, reason: RefusalReason): number {
    const safeReason: RefusalReason = isRefusalReason(reason) ? reason : 'failed';
    const key = `${subscription}\u0000${safeReason}`;
    const now = this.now();
    const entry = this.counts.get(key);
    if (!entry) {
      this.counts.set(key, { subscription, reason: safeReason, count: 1, loggedAt: now, loggedCount: 1 });
      return 1;
    }
    entry.count++;
    if (now - entry.loggedAt < LOG_WINDOW_MS) return 0;
    const since = entry.count - entry.loggedCount;
    entry.loggedAt = now;
    entry.loggedCount = entry.count;
    return since;
  }

  /** Every non-zero count, by subscription then reason. */
  snapshot(): RefusalCount[] {
    return [...this.counts.values()]
      .map(({ subscription, reason, count }) => ({ subscription, reason, count }))
      .sort((a, b) => a.subscription.localeCompare(b.subscription) || a.reason.localeCompare(b.reason));
  }
}

interface WarnLogger {
  warn(message: object): void;
}

/**
 * Wraps a NATS subscription callback so that nothing it throws, synchronously or later, reaches the
 * client: the nats client calls callbacks from its reader loop, and an exception there ends the
 * connection's reading while the socket stays open (the hub went deaf for half a minute). What
 * escapes is counted as `failed` and logged by its class and our own wording only.
 */
export function shielded<A extends unknown[]>(
  subscription: IntakeSubscription,
  counters: IntakeCounters,
  logger: WarnLogger,
  handle: (...args: A) => void | Promise<unknown>,
): (...args: A) => void {
  const failed = (error: unknown) => {
    const refused = counters.refused(subscription, 'failed');
    if (refused) logger.warn({ msg: 'incoming message not handled', subscription, refused, reason: safeErrorMessage(error) });
  };
  return (...args: A) => {
    try {
      const result = handle(...args);
      if (result && typeof (result as Promise<unknown>).catch === 'function') (result as Promise<unknown>).catch(failed);
    } catch (error) {
      failed(error);
    }
  };
}
