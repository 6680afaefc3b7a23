import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { encodeMessage, Envelope } from '@app/contracts';
import { safeErrorMessage } from '@app/platform';

import { backoffDelay, sleep } from './backoff';
import { FEDERATION_DATA_SOURCE } from './federation-database';
import { FederationMetrics } from './federation-metrics';
import { FEDERATION_OPTIONS, FederationOptions } from './federation-options';
import { NatsLink } from './nats-link.service';

interface DueRow {
  id: string;
  subject: string;
  envelope: Envelope<object>;
  needs_receipt: boolean;
  attempts: number;
  status: 'pending' | 'published';
}

const BATCH = 100;

/**
 * Publishes the outbox to JetStream. A row is claimed with a lease (so several hub instances never
 * publish the same row at once), published with its id as Nats-Msg-Id, and marked published only after
 * JetStream's acknowledgement. A published row that gets no receipt within the receipt timeout is
 * published again, under a Nats-Msg-Id of its own (`<id>.<attempt>`): the broker may have lost it,
 * and a republish under the first id inside the stream's duplicate window would be dropped as a
 * duplicate of the message that was lost. The receiver's inbox absorbs any repeat. A stream at its
 * limits (a co-op's backlog per subject is capped) is back-pressure: those rows wait, with a back-off.
 * The relay works in the federation's own connection pool, so HTTP bursts cannot starve it.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private running: Promise<void> | null = null;
  private failures = 0;
  private readonly wake = new Set<() => void>();
  private readonly stopping = new AbortController();
  /** Consecutive passes each subject was refused for being full. */
  private readonly fullSubjects = new Map<string, number>();

  constructor(
    @Inject(FEDERATION_OPTIONS) private readonly options: FederationOptions,
    @Inject(FEDERATION_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly link: NatsLink,
    @Optional() private readonly metrics?: FederationMetrics,
  ) {}

  start(): void {
    // A back-off sized for an outage must not delay the first send once NATS is back.
    this.link.onRestored(() => {
      this.failures = 0;
      this.nudge();
    });
    this.running ??= this.loop();
  }

  /** Asks the relay to look now rather than at its next poll (after a use case committed). */
  nudge(): void {
    this.wake.forEach((w) => w());
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    this.nudge();
    await this.running;
  }

  private async loop(): Promise<void> {
    const { OUTBOX_POLL_MS, OUTBOX_MAX_BACKOFF_MS } = this.options.config;
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      if (!this.link.isConnected()) {
        // Not a failure: rows wait in the outbox until the link is up.
        await Promise.race([this.link.whenConnected(), this.pause(OUTBOX_POLL_MS * 4, signal)]);
        continue;
      }
      let wait = OUTBOX_POLL_MS;
      try {
        const published = await this.publishDue();
        this.failures = 0;
        if (published === BATCH) wait = 0;
      } catch (error) {
        this.failures++;
        wait = backoffDelay(this.failures, OUTBOX_POLL_MS * 2, OUTBOX_MAX_BACKOFF_MS);
        this.logger.warn({ msg: 'outbox relay paused', reason: safeErrorMessage(error), retryInMs: wait, failures: this.failures });
      }
      if (wait > 0) await this.pause(wait, signal);
    }
  }

  private pause(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.wake.delete(done);
        resolve();
      };
      this.wake.add(done);
      void sleep(ms, signal).then(done);
    });
  }

  /** One pass: returns how many rows it published. Throws when NATS cannot take them. */
  async publishDue(): Promise<number> {
    const js = this.link.isConnected() ? this.link.jetstream() : null;
    if (!js) throw new Error('NATS is not connected');
    const rows: DueRow[] = await this.dataSource
      .query(
        `UPDATE outbox_message o SET attempts = o.attempts + 1, next_attempt_at = now() + interval '30 seconds'
         FROM (SELECT id FROM outbox_message
                WHERE status IN ('pending', 'published') AND next_attempt_at <= now()
                ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
        WHERE o.id = due.id
        RETURNING o.id, o.subject, o.envelope, o.needs_receipt, o.attempts, o.status`,
        [BATCH],
      )
      .then((r: [DueRow[], number] | DueRow[]) => (Array.isArray(r[0]) ? (r[0] as DueRow[]) : (r as DueRow[])));
    rows.sort((a, b) => a.envelope.occurredAt.localeCompare(b.envelope.occurredAt));
    const full = new Map<string, string[]>();
    // Marked published together after the pass (one statement, not a round trip per row): the publishes
    // themselves stay one at a time, so order within a subject and the hold-back behind a full one hold.
    const acknowledged: string[] = [];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      // Behind a row its stream refused, a row on the same subject waits too: order within a subject is kept.
      if (full.has(row.subject)) {
        full.get(row.subject)!.push(row.id);
        continue;
      }
      try {
        await js.publish(row.subject, encodeMessage(row.envelope), { msgID: publishId(row), timeout: 5000 });
      } catch (caught) {
        if (isStreamFull(caught)) {
          full.set(row.subject, [row.id]);
          continue;
        }
        const error = /^503$|no responders/i.test((caught as Error).message)
          ? new Error(`no JetStream stream takes ${row.subject} yet (the hub creates it at start)`)
          : (caught as Error);
        await this.markPublished(acknowledged);
        // Give back the lease of this row and the rest so they go out as soon as NATS is back.
        await this.release([...rows.slice(i).map((r) => r.id), ...[...full.values()].flat()], error.message);
        throw error;
      }
      acknowledged.push(row.id);
      this.metrics?.publishedOne(row.envelope.type);
      this.fullSubjects.delete(row.subject);
      if (row.status === 'published')
        this.logger.log({
          msg: 'republished unconfirmed message',
          messageId: row.id,
          type: row.envelope.type,
          attempts: row.attempts,
          correlationId: row.envelope.correlationId,
        });
    }
    await this.markPublished(acknowledged);
    for (const [subject, ids] of full) await this.holdBack(subject, ids);
    return acknowledged.length;
  }

  /** Rows JetStream acknowledged: settled now when no receipt is wanted, else waiting for it (and republished if none comes). */
  private async markPublished(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(
      `UPDATE outbox_message
          SET status = CASE WHEN needs_receipt THEN 'published' ELSE 'confirmed' END,
              settled_at = CASE WHEN needs_receipt THEN NULL ELSE now() END,
              published_at = now(),
              -- each republish waits twice as long for its receipt (up to 64 times), so a
              -- message the receiver keeps failing does not flood it
              next_attempt_at = now() + ($2::int * power(2, least(attempts - 1, 6)) * interval '1 millisecond'),
              last_error = NULL
        WHERE id = ANY($1::uuid[]) AND status IN ('pending', 'published')`,
      [ids, this.options.config.OUTBOX_RECEIPT_TIMEOUT_MS],
    );
  }

  /** The stream is at its limit for this subject: its rows wait, each pass a little longer. */
  private async holdBack(subject: string, ids: string[]): Promise<void> {
    const passes = (this.fullSubjects.get(subject) ?? 0) + 1;
    this.fullSubjects.set(subject, passes);
    const waitMs = backoffDelay(passes, 1000, this.options.config.OUTBOX_MAX_BACKOFF_MS);
    const reason = 'JetStream stream limit reached for this subject (back-pressure): the receiver has too many of these waiting';
    await this.dataSource.query(
      `UPDATE outbox_message SET next_attempt_at = now() + ($2::int * interval '1 millisecond'), last_error = $3
        WHERE id = ANY($1::uuid[]) AND status IN ('pending', 'published')`,
      [ids, waitMs, reason],
    );
    this.logger.warn({
      msg: 'stream full for a subject: holding messages in the outbox',
      subject,
      held: ids.length,
      retryInMs: waitMs,
      passes,
    });
  }

  private async release(ids: string[], reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox_message SET next_attempt_at = now(), last_error = $2 WHERE id = ANY($1::uuid[]) AND status IN ('pending', 'published')`,
      [ids, reason.slice(0, 500)],
    );
  }
}

/** The first publish of a row uses its id; a republish gets an id of its own, or JetStream's duplicate window would swallow it. */
export function publishId(row: { id: string; status: 'pending' | 'published'; attempts: number }): string {
  return row.status === 'published' ? `${row.id}.${row.attempts}` : row.id;
}

/** JetStream's "stream store failed" (10077): over max_msgs_per_subject, max_msgs or max_bytes with discard new. */
export function isStreamFull(error: unknown): boolean {
  const e = error as { api_error?: { err_code?: number; description?: string } };
  return e?.api_error?.err_code === 10077 || /maximum (messages|bytes)/i.test(e?.api_error?.description ?? '');
}
