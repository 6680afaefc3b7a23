/** How often the link is probed and how long a probe may take, from the heartbeat interval. */
export interface ProbeTimings {
  everyMs: number;
  timeoutMs: number;
  /** With no probe answered for this long, the link is down even if no probe has failed yet. */
  staleAfterMs: number;
}

/**
 * Four times per heartbeat interval, each allowed half an interval: a dead link is noticed within
 * three quarters of an interval (a probe period plus a timeout). The timeout is never under 1.5 s,
 * since a loaded machine (or a busy server) is not a dead link, and calling it one costs a
 * reconnection; a PING every quarter interval costs next to nothing.
 */
export function probeTimings(heartbeatIntervalMs: number): ProbeTimings {
  const everyMs = Math.max(250, Math.round(heartbeatIntervalMs / 4));
  const timeoutMs = Math.max(1500, Math.round(heartbeatIntervalMs / 2));
  return { everyMs, timeoutMs, staleAfterMs: 2 * everyMs + timeoutMs };
}

export interface NatsLinkHealth {
  status: 'up' | 'down';
  /** Why it is down, or null. */
  reason: string | null;
  /** Connected, as far as the client knows (a silently dead link looks connected to it). */
  connected: boolean;
  lastProbeAt: string | null;
  lastProbeOk: boolean | null;
  lastRoundTripMs: number | null;
  lastAnsweredAt: string | null;
  /**
   * When the link was last found down, and why (a failed probe, a disconnect, a closed connection). A link that
   * reconnects in milliseconds is down for too short a time to be seen on /ready; this says it was noticed.
   */
  lastLostAt: string | null;
  lastLostReason: string | null;
  probeEveryMs: number;
  probeTimeoutMs: number;
}

export interface ProbeTarget {
  /** A round trip to the server, in ms; null when there is no link to probe right now. */
  roundTrip(): Promise<number | null>;
  onFailed(reason: string): void;
}

/** Probes the link on a timer; keeps what the last probe found. Knows nothing of NATS itself. */
export class LinkProbe {
  private timer: NodeJS.Timeout | null = null;
  private inFlight = false;
  private lastAt: number | null = null;
  private lastOk: boolean | null = null;
  private lastFailure: string | null = null;
  private lastRtt: number | null = null;
  private answeredAt: number | null = null;
  private lostAt: number | null = null;
  private lostReason: string | null = null;

  constructor(
    readonly timings: ProbeTimings,
    private readonly target: ProbeTarget,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    this.answered(null);
    this.timer ??= setInterval(() => void this.probeOnce(), this.timings.everyMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** A connection handshake is itself a round trip the server answered. */
  answered(rttMs: number | null): void {
    this.answeredAt = this.now();
    this.lastAt = this.answeredAt;
    this.lastOk = true;
    this.lastFailure = null;
    this.lastRtt = rttMs;
  }

  /** The link was found down (by a probe, or by the client itself). */
  lost(reason: string): void {
    this.lostAt = this.now();
    this.lostReason = reason;
  }

  async probeOnce(): Promise<void> {
    if (this.inFlight) return;
    this.inFlight = true;
    try {
      const outcome = await this.timedRoundTrip();
      if (outcome.kind === 'no-link') return;
      if (outcome.kind === 'answered') return this.answered(outcome.rttMs);
      this.lastAt = this.now();
      this.lastOk = false;
      this.lastFailure = outcome.reason;
      this.lost(`probe failed: ${outcome.reason}`);
      this.target.onFailed(outcome.reason);
    } finally {
      this.inFlight = false;
    }
  }

  private timedRoundTrip(): Promise<{ kind: 'answered'; rttMs: number } | { kind: 'no-link' } | { kind: 'failed'; reason: string }> {
    return new Promise((resolve) => {
      let settled = false;
      const settle = (outcome: Parameters<typeof resolve>[0]) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      };
      const timer = setTimeout(() => {
        // A timer that fired late because the event loop was busy must not beat an answer that is
        // already waiting in the socket: let pending I/O run once before calling the probe failed.
        setImmediate(() =>
          setImmediate(() => settle({ kind: 'failed', reason: `no answer from the server within ${this.timings.timeoutMs} ms` })),
        );
      }, this.timings.timeoutMs);
      this.target.roundTrip().then(
        (rttMs) => settle(rttMs === null ? { kind: 'no-link' } : { kind: 'answered', rttMs }),
        () => settle({ kind: 'failed', reason: 'the round trip to the server failed' }),
      );
    });
  }

  health(connected: boolean): NatsLinkHealth {
    const now = this.now();
    let reason: string | null = null;
    if (this.lastOk === false) reason = `the last probe failed: ${this.lastFailure}`;
    else if (!connected) reason = 'not connected to NATS';
    else if (this.answeredAt === null || now - this.answeredAt > this.timings.staleAfterMs)
      reason = `no probe answered for over ${this.timings.staleAfterMs} ms`;
    const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
    return {
      status: reason ? 'down' : 'up',
      reason,
      connected,
      lastProbeAt: iso(this.lastAt),
      lastProbeOk: this.lastOk,
      lastRoundTripMs: this.lastRtt,
      lastAnsweredAt: iso(this.answeredAt),
      lastLostAt: iso(this.lostAt),
      lastLostReason: this.lostReason,
      probeEveryMs: this.timings.everyMs,
      probeTimeoutMs: this.timings.timeoutMs,
    };
  }
}
