/** What the lanes need to know of a message: whose it is, and its place in the stream. */
export interface LaneItem {
  /** The sender: one lane per co-op. */
  key: string;
  /** Stream sequence: a co-op's messages are applied in this order. */
  seq: number;
}

export interface LaneLimits {
  /** Lanes applying a message at the same time. */
  concurrency: number;
  /** Messages one lane may hold (waiting or being applied). */
  perLane: number;
  /** Messages all lanes may hold. */
  total: number;
  /** How long a message put back is expected to take to come back, after which its lane stops waiting for it. */
  deferralTtlMs: number;
}

/** queued: it waits its turn; defer: put it back for later; duplicate: a redelivery of one already held. */
export type Admission = 'queued' | 'defer' | 'duplicate';

interface Lane<T> {
  queue: T[];
  busy: T | null;
  /** Sequences put back and not yet seen again, with the time after which they are given up on. */
  deferred: Map<number, number>;
  /** When the lane next forgets deferred messages that never came back. */
  nextPurgeAt: number;
}

/**
 * Per-co-op FIFO lanes for the inbox: each co-op's messages are applied one at a time and in stream
 * order, up to `concurrency` co-ops at once, taken in turn. A co-op with `perLane` messages held has
 * further ones put back (the caller naks them with a delay), so one co-op's flood waits in its own lane
 * and delays only itself. Once a message is put back, every later one of the same co-op is put back too
 * until it returns, so putting back never reorders a co-op's messages. No framework, no I/O.
 */
export class InboxLanes<T extends LaneItem> {
  private readonly lanes = new Map<string, Lane<T>>();
  /** Keys in the order they get their next turn. */
  private readonly turns: string[] = [];
  private held = 0;
  private busyCount = 0;

  constructor(
    private readonly limits: LaneLimits,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.held;
  }

  get running(): number {
    return this.busyCount;
  }

  offer(item: T): Admission {
    const lane = this.laneOf(item.key);
    if (lane.busy?.seq === item.seq || lane.queue.some((q) => q.seq === item.seq)) return 'duplicate';
    lane.deferred.delete(item.seq);
    const now = this.now();
    if (now >= lane.nextPurgeAt) {
      for (const [seq, giveUpAt] of lane.deferred) if (giveUpAt <= now) lane.deferred.delete(seq);
      lane.nextPurgeAt = now + this.limits.deferralTtlMs / 4;
    }
    let waitingForEarlier = false;
    // Deferred sequences go in roughly in stream order, so an earlier one is usually found at once.
    for (const seq of lane.deferred.keys()) {
      if (seq < item.seq) {
        waitingForEarlier = true;
        break;
      }
    }
    const laneFull = lane.queue.length + (lane.busy ? 1 : 0) >= this.limits.perLane;
    if (waitingForEarlier || laneFull || this.held >= this.limits.total) {
      lane.deferred.set(item.seq, now + this.limits.deferralTtlMs);
      return 'defer';
    }
    const at = lane.queue.findIndex((q) => q.seq > item.seq);
    if (at === -1) lane.queue.push(item);
    else lane.queue.splice(at, 0, item);
    this.held++;
    if (!lane.busy && lane.queue.length === 1) this.turns.push(item.key);
    return 'queued';
  }

  /** A message answered without its lane (refused on arrival): later ones of its co-op need not wait for it. */
  forget(item: LaneItem): void {
    const lane = this.lanes.get(item.key);
    if (!lane?.deferred.delete(item.seq)) return;
    if (!lane.busy && lane.queue.length === 0 && lane.deferred.size === 0) this.lanes.delete(item.key);
  }

  /** The next message to apply, from the lane whose turn it is, or null when none may start now. */
  next(): T | null {
    if (this.busyCount >= this.limits.concurrency) return null;
    const key = this.turns.shift();
    if (key === undefined) return null;
    const lane = this.lanes.get(key)!;
    const item = lane.queue.shift()!;
    lane.busy = item;
    this.busyCount++;
    return item;
  }

  /** The message is settled: its lane may start its next one, after the other lanes' turns. */
  done(item: T): void {
    const lane = this.lanes.get(item.key);
    if (!lane || lane.busy !== item) return;
    lane.busy = null;
    this.busyCount--;
    this.held--;
    if (lane.queue.length > 0) this.turns.push(item.key);
    else if (lane.deferred.size === 0) this.lanes.delete(item.key);
  }

  /** Takes every waiting message out (not those being applied), for the caller to put back. */
  drain(): T[] {
    const out: T[] = [];
    for (const [key, lane] of this.lanes) {
      for (const item of lane.queue) {
        out.push(item);
        lane.deferred.set(item.seq, this.now() + this.limits.deferralTtlMs);
      }
      this.held -= lane.queue.length;
      lane.queue = [];
      if (!lane.busy && lane.deferred.size === 0) this.lanes.delete(key);
    }
    this.turns.length = 0;
    return out;
  }

  /**
   * How many of its co-op's messages are ahead of this one: those held, and those put back with an
   * earlier place in the stream. A message put back comes back after about that many are applied.
   */
  ahead(item: T): number {
    const lane = this.lanes.get(item.key);
    if (!lane) return 0;
    let earlier = 0;
    for (const seq of lane.deferred.keys()) if (seq < item.seq) earlier++;
    return lane.queue.length + (lane.busy ? 1 : 0) + earlier;
  }

  /** Every message held, waiting or being applied. */
  all(): T[] {
    const out: T[] = [];
    for (const lane of this.lanes.values()) {
      if (lane.busy) out.push(lane.busy);
      out.push(...lane.queue);
    }
    return out;
  }

  private laneOf(key: string): Lane<T> {
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { queue: [], busy: null, deferred: new Map(), nextPurgeAt: this.now() + this.limits.deferralTtlMs / 4 };
      this.lanes.set(key, lane);
    }
    return lane;
  }
}
