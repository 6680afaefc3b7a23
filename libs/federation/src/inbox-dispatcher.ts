import { Logger } from '@nestjs/common';
import { JsMsg } from 'nats';

import { FederationConfig, safeErrorMessage } from '@app/platform';

import { backoffDelay, sleep } from './backoff';
import { InboxLanes, LaneItem } from './inbox-lanes';
import { Disposition, InboxProcessor, IncomingDelivery } from './inbox-processor';

interface Held extends LaneItem {
  msg: JsMsg;
  /** When JetStream last heard about this message from us (delivery, or "still working"). */
  touchedAt: number;
}

/** A message put back while this side's database is down comes back this soon once pulled again. */
const PAUSE_NAK_MS = 500;
const MAX_DEFER_MS = 10_000;

/**
 * Between the consumer and the inbox: takes every delivered message at once (it never blocks the
 * pull), keeps it in its co-op's lane (InboxLanes: one at a time per co-op, in stream order, co-ops
 * taken in turn), applies what waits in batches (up to INBOX_BATCH_MAX messages of different co-ops
 * in one transaction, INBOX_CONCURRENCY batches at once), and answers JetStream for each message only
 * once its batch committed. A co-op holding too
 * many has the rest put back with a delay about as long as its own queue, so a flood delays only the
 * co-op that sends it. Junk from a sender over its dead-letter budget is refused on arrival. When this
 * side's database is unavailable it pauses: what it holds is put back (not counted as a failure), and
 * it resumes as soon as the database answers.
 */
export class InboxDispatcher {
  private readonly logger = new Logger('InboxConsumer');
  private readonly lanes: InboxLanes<Held>;
  private readonly inFlight = new Set<Promise<void>>();
  /** Average time to apply one batch (one message of each co-op in it), for how long to put a message back. */
  private applyMs = 20;
  private paused: Promise<void> | null = null;
  /** Resolves when the lanes have room again, while they hold INBOX_MAX_HELD; null otherwise. */
  private full: { room: Promise<void>; open: () => void } | null = null;
  private closing = false;
  private readonly keepAlive: NodeJS.Timeout;

  constructor(
    private readonly processor: InboxProcessor,
    private readonly config: FederationConfig,
    private readonly signal: AbortSignal,
  ) {
    this.lanes = new InboxLanes<Held>({
      // Every co-op in a batch is one lane running: INBOX_CONCURRENCY batches of up to INBOX_BATCH_MAX.
      concurrency: config.INBOX_CONCURRENCY * config.INBOX_BATCH_MAX,
      perLane: config.INBOX_MAX_HELD_PER_COOP,
      total: config.INBOX_MAX_HELD,
      deferralTtlMs: config.INBOX_ACK_WAIT_MS + MAX_DEFER_MS,
    });
    // A message waiting its turn must not look lost to JetStream (it would be delivered again).
    this.keepAlive = setInterval(() => this.touchHeld(), Math.max(100, Math.floor(config.INBOX_ACK_WAIT_MS / 3)));
    this.keepAlive.unref();
  }

  /** Hands over one delivered message; never waits for it to be applied. */
  admit(msg: JsMsg): void {
    if (this.closing) return answer(msg, { action: 'nak', delayMs: 0 });
    const delivery = toDelivery(msg);
    const item: Held = { key: this.processor.senderKey(delivery.subject), seq: msg.seq, msg, touchedAt: Date.now() };
    const refused = this.processor.quickRefusal(delivery);
    if (refused) {
      this.lanes.forget(item);
      return answer(msg, refused);
    }
    const admission = this.lanes.offer(item);
    if (admission === 'queued') this.pump();
    // A duplicate is a redelivery of a message held: the held delivery is the one answered.
    if (admission === 'defer') answer(msg, { action: 'nak', delayMs: this.deferral(item) });
  }

  /**
   * Resolves when the dispatcher takes messages again; null while it does. Besides a database outage,
   * it stops taking them while it holds INBOX_MAX_HELD: the consumer stops pulling and the rest of a
   * backlog waits in JetStream, delivered once. (Putting back everything beyond what it holds, as it
   * once did, sent a backlog of 100,000 round the hub as redeliveries every few seconds, and the hub
   * spent itself answering them: 18 applied a second where a backlog of 10,000 drained at 545.)
   */
  whilePaused(): Promise<void> | null {
    if (this.paused) return this.paused;
    if (this.closing || this.lanes.size < this.config.INBOX_MAX_HELD) return null;
    if (!this.full) {
      let open = () => undefined as void;
      const room = new Promise<void>((resolve) => (open = resolve));
      this.full = { room, open };
    }
    return this.full.room;
  }

  /** At shutdown: puts back what waits (the next instance gets it at once) and lets what runs finish. */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.keepAlive);
    for (const held of this.lanes.drain()) answer(held.msg, { action: 'nak', delayMs: 0 });
    this.openIfRoom();
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /**
   * Starts batches while fewer than INBOX_CONCURRENCY run: each takes up to INBOX_BATCH_MAX messages
   * already waiting, the next of each lane in turn, so a batch holds at most one message of a co-op and
   * a co-op's next message waits for the batch before it to commit. A lone message is a batch of one.
   */
  private pump(): void {
    while (!this.paused && !this.closing && this.inFlight.size < this.config.INBOX_CONCURRENCY) {
      const batch: Held[] = [];
      for (let item = this.lanes.next(); item; item = batch.length < this.config.INBOX_BATCH_MAX ? this.lanes.next() : null)
        batch.push(item);
      if (batch.length === 0) return;
      // Once it is out of the count, the next batch can start.
      const running: Promise<void> = this.run(batch).finally(() => {
        this.inFlight.delete(running);
        this.pump();
      });
      this.inFlight.add(running);
    }
  }

  /** Applies a batch and answers each of its messages once it committed (or put back, if it did not). */
  private async run(batch: Held[]): Promise<void> {
    const started = Date.now();
    let dispositions: Disposition[];
    try {
      dispositions = await this.processor.processBatch(batch.map((held) => toDelivery(held.msg)));
    } catch (error) {
      // processBatch answers every failure itself; this only keeps the lanes alive if that ever breaks.
      this.logger.error({ msg: 'inbox processor threw', subjects: batch.map((h) => h.msg.subject), reason: safeErrorMessage(error) });
      dispositions = batch.map(() => ({ action: 'nak', delayMs: 5000 }));
    }
    // A lane moves on by one message a batch: the time a batch takes is what a co-op's queue waits per message.
    this.applyMs = 0.8 * this.applyMs + 0.2 * (Date.now() - started);
    let pauseReason: string | null = null;
    for (const [i, held] of batch.entries()) {
      const disposition = dispositions[i];
      if (disposition.action === 'pause') {
        answer(held.msg, { action: 'nak', delayMs: PAUSE_NAK_MS });
        pauseReason = disposition.reason;
      } else {
        answer(held.msg, disposition);
      }
    }
    if (pauseReason) this.pause(pauseReason);
    for (const held of batch) this.lanes.done(held);
    this.openIfRoom();
  }

  /** Lets the consumer pull again once the lanes hold fewer than INBOX_MAX_HELD (or the inbox closes). */
  private openIfRoom(): void {
    if (!this.full || (!this.closing && this.lanes.size >= this.config.INBOX_MAX_HELD)) return;
    const { open } = this.full;
    this.full = null;
    open();
  }

  /**
   * About half the time until this message's turn: as many messages of its co-op as are ahead of it
   * (not the whole queue, or a message put back when its lane was momentarily full would go to the
   * back of the line and every later one of the co-op would wait for it). Half, because a lane that
   * runs dry waits for what was put back, while one put back too early only goes round again.
   */
  private deferral(item: Held): number {
    const ahead = Math.max(this.lanes.ahead(item), this.lanes.size / (this.config.INBOX_CONCURRENCY * this.config.INBOX_BATCH_MAX));
    return Math.round(Math.min(MAX_DEFER_MS, Math.max(100, (ahead * this.applyMs) / 2)));
  }

  private pause(reason: string): void {
    if (this.paused) return;
    this.logger.warn({ msg: 'database unavailable: inbox paused; messages wait in JetStream, no failure is counted', reason });
    for (const held of this.lanes.drain()) answer(held.msg, { action: 'nak', delayMs: PAUSE_NAK_MS });
    this.openIfRoom();
    const since = Date.now();
    this.paused = this.untilDatabaseAnswers().then(() => {
      this.paused = null;
      if (!this.signal.aborted) this.logger.log({ msg: 'database answers again: inbox resumed', pausedMs: Date.now() - since });
      this.pump();
    });
  }

  private async untilDatabaseAnswers(): Promise<void> {
    for (let attempt = 1; !this.signal.aborted; attempt++) {
      await sleep(backoffDelay(attempt, 200, 2000), this.signal);
      if (await this.processor.databaseAnswers()) return;
    }
  }

  private touchHeld(): void {
    const now = Date.now();
    const due = now - this.config.INBOX_ACK_WAIT_MS / 3;
    for (const held of this.lanes.all()) {
      if (held.touchedAt > due) continue;
      held.touchedAt = now;
      try {
        held.msg.working();
      } catch {
        // The connection is gone: JetStream redelivers it, and the inbox makes the repeat harmless.
      }
    }
  }
}

function toDelivery(msg: JsMsg): IncomingDelivery {
  return { subject: msg.subject, data: msg.data, deliveryCount: msg.info.deliveryCount };
}

/** Tells JetStream; a connection that closed meanwhile only means JetStream redelivers it later. */
function answer(msg: JsMsg, disposition: Exclude<Disposition, { action: 'pause' }>): void {
  try {
    if (disposition.action === 'ack') msg.ack();
    else if (disposition.action === 'term') msg.term();
    else msg.nak(disposition.delayMs > 0 ? disposition.delayMs : undefined);
  } catch {
    // See above.
  }
}
