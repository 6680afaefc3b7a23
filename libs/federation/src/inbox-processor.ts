import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Accepted, decodeDurable, Envelope, ReceiptV1, Refusal } from '@app/contracts';
import { AuditTrail, INBOX_HORIZON_MARGIN_DAYS, isDatabaseUnavailable, safeErrorMessage } from '@app/platform';

import { backoffDelay } from './backoff';
import { DeadLetterBook } from './dead-letter-book';
import { FEDERATION_DATA_SOURCE } from './federation-database';
import { FederationMetrics } from './federation-metrics';
import { FEDERATION_OPTIONS, FederationOptions } from './federation-options';
import { InboxHandlers, ReceiptHandlers } from './inbox-handlers';
import { InboxRefusals, Known, peekIdentity } from './inbox-refusals';
import { ApplyOutcome, BatchResult, InboxTransaction, sha256, ToApply } from './inbox-transaction';
import { IntakeCounters } from './intake-counters';
import { OutboxService } from './outbox.service';
import { isReceipt } from './receipts';
import { pastHorizonReason } from './retention.rules';
import { SIGNATURE_KEYS, SignatureKeys, verifySignature } from './signing';

export interface IncomingDelivery {
  subject: string;
  data: Uint8Array;
  /** 1 for the first delivery. Counts every delivery, also those put back for fairness: not a failure count. */
  deliveryCount: number;
}

/**
 * What to tell JetStream: ack (done), nak after a delay (try again), term (never again), or pause:
 * this side's own database is unavailable, which is no fault of the message; put it back and wait.
 */
export type Disposition = { action: 'ack' } | { action: 'nak'; delayMs: number } | { action: 'term' } | { action: 'pause'; reason: string };

/** A message checked and ready for the inbox transaction. */
interface ReadyToApply extends ToApply {
  delivery: IncomingDelivery;
  /** Why it is past the retention horizon, if it is. */
  tooOld: string | null;
  /** When its handling began (performance.now()), for the apply-time metric. */
  started: number;
}

export interface AppliedEvent {
  envelope: Envelope<object>;
  outcome: 'applied' | 'rejected' | 'duplicate';
}

/**
 * The idempotent inbox: decides, for one delivery, whether to apply it, and applies it in one
 * transaction together with its inbox row and its receipt. Knows nothing of NATS subscriptions, so it
 * can be driven by the consumer or by a test. `process` never throws: whatever goes wrong is a
 * disposition, so no message can interrupt the consumer. A message that cannot be decoded, or does
 * not verify, is dead-lettered at once; a handler that fails is retried, and the message dead-lettered
 * after INBOX_MAX_DELIVER failures, counted here (not by JetStream, whose count also has the messages
 * put back for fairness or during an outage of this side's database, which never count).
 */
@Injectable()
export class InboxProcessor {
  private readonly logger = new Logger(InboxProcessor.name);
  /** Called after the transaction committed and before the ack: a seam for observers (metrics, tests). */
  onCommitted: ((event: AppliedEvent) => Promise<void> | void) | null = null;
  /** The pool the inbox works in: a node's own federation pool, the hub's main pool (sized for its concurrency). */
  readonly dataSource: DataSource;
  private readonly refusals: InboxRefusals;
  private readonly tx: InboxTransaction;

  constructor(
    @Inject(FEDERATION_OPTIONS) private readonly options: FederationOptions,
    mainDataSource: DataSource,
    handlers: InboxHandlers,
    outbox: OutboxService,
    @Inject(SIGNATURE_KEYS) private readonly keys: SignatureKeys,
    audit: AuditTrail,
    @Optional() @Inject(FEDERATION_DATA_SOURCE) federationDataSource?: DataSource,
    @Optional() private readonly counters?: IntakeCounters,
    @Optional() private readonly receiptHandlers?: ReceiptHandlers,
    @Optional() private readonly metrics?: FederationMetrics,
  ) {
    this.dataSource = options.side.kind === 'node' && federationDataSource ? federationDataSource : mainDataSource;
    this.tx = new InboxTransaction(options, this.dataSource, handlers, outbox, audit);
    const book = new DeadLetterBook(this.dataSource, options.config.DEAD_LETTER_LIMIT, options.config.DEAD_LETTER_WINDOW_MS);
    this.refusals = new InboxRefusals(this.dataSource, keys, this.tx, book);
  }

  /**
   * Refuses on the spot, with no database work and no signature check, a message that does not even
   * decode from a sender already over its dead-letter budget; null when the message needs `process`.
   */
  quickRefusal(delivery: IncomingDelivery): { action: 'term' } | null {
    const sender = this.senderKey(delivery.subject);
    if (!this.refusals.book.isOverBudget(sender)) return null;
    const decoded = this.decode(delivery);
    if (decoded.ok) return null;
    this.refusals.book.summarise(sender, decoded.reason);
    this.counters?.refused('durable', decoded.code);
    return { action: 'term' };
  }

  async process(delivery: IncomingDelivery): Promise<Disposition> {
    const known: Known = {};
    return this.counted(
      this.decide(delivery, known).catch((error: unknown) => this.failed(delivery, known, error)),
      known,
    );
  }

  private async counted(disposition: Promise<Disposition>, known: Known): Promise<Disposition> {
    const answer = await disposition;
    if (answer.action === 'term') this.metrics?.deadLetteredOne(known.type);
    return answer;
  }

  /** True when this side's database answers. */
  async databaseAnswers(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  /** Writes the dead-letter counts still in memory (at shutdown). */
  flush(): Promise<void> {
    return this.refusals.book.close();
  }

  private async decide(delivery: IncomingDelivery, known: Known): Promise<Disposition> {
    const { side } = this.options;
    const decoded = this.decode(delivery);
    if (!decoded.ok) {
      known.messageId = decoded.messageId;
      known.coopId = decoded.coopId;
      this.counters?.refused('durable', decoded.code);
      // No rejected receipt for a receipt, nor for a message spelt the way a node before the canonical
      // wire form spelt it: such a sender keeps its row and republishes it, re-encoded, once upgraded.
      const tellSender = decoded.type !== 'federation.receipt' && decoded.code !== 'not-canonical';
      return this.refuse(delivery, decoded.reason, known, tellSender ? decoded : undefined);
    }
    const { envelope } = decoded;
    const started = performance.now();
    Object.assign(known, { messageId: envelope.id, coopId: envelope.coopId, type: envelope.type });
    // No receipt: the claimed sender did not send it, and the real sender is not ours to answer.
    const forged = await this.signatureProblem(envelope);
    if (forged) {
      this.counters?.refused('durable', 'bad-signature');
      return this.refuse(delivery, forged, known);
    }
    if (side.kind === 'node' && envelope.coopId !== side.coopId) {
      return this.refuse(delivery, `message for co-op ${envelope.coopId} reached co-op ${side.coopId}`, { messageId: envelope.id });
    }
    if (isReceipt(decoded.definition)) {
      await this.applyReceipt(envelope as Envelope<ReceiptV1>);
      return { action: 'ack' };
    }
    const ready = this.toApply(delivery, decoded, started);
    return this.settle(ready, await this.tx.apply(ready.decoded, ready.attemptKey, ready.pastHorizon), known);
  }

  /**
   * Applies several deliveries, the inbox's messages in ONE transaction (`InboxTransaction.applyBatch`:
   * each effect in its own savepoint, one commit), and answers each only after that commit. Whatever is
   * not a message to apply (a receipt, a refusal) is settled on its own, as `process` would. If the
   * batch's transaction fails as a whole, nothing of it was applied: while this side's database is
   * unavailable every message is put back ('pause'); otherwise each is applied again on its own, so a
   * message that breaks the batch cannot hold back the others. Never throws.
   */
  async processBatch(deliveries: readonly IncomingDelivery[]): Promise<Disposition[]> {
    if (deliveries.length <= 1) return Promise.all(deliveries.map((d) => this.process(d)));
    const answers: Disposition[] = new Array(deliveries.length);
    const batch: { index: number; ready: ReadyToApply; known: Known }[] = [];
    const alone: number[] = [];
    for (const [index, delivery] of deliveries.entries()) {
      const known: Known = {};
      const ready = await this.readyToApply(delivery, known).catch(() => null);
      if (ready) batch.push({ index, ready, known });
      else alone.push(index);
    }
    if (batch.length > 0) {
      let results: BatchResult[] | null = null;
      try {
        results = await this.tx.applyBatch(batch.map(({ ready }) => ready));
      } catch (error) {
        if (isDatabaseUnavailable(error)) {
          const pause: Disposition = { action: 'pause', reason: safeErrorMessage(error) };
          return deliveries.map(() => pause);
        }
        this.logger.warn({
          msg: 'inbox batch failed as a whole; applying its messages one at a time',
          size: batch.length,
          reason: safeErrorMessage(error),
        });
        alone.push(...batch.map((b) => b.index));
      }
      if (results) {
        for (const [i, { index, ready, known }] of batch.entries()) {
          const result = results[i];
          const settled = typeof result === 'object' ? Promise.reject(result.failed) : this.settle(ready, result, known);
          answers[index] = await this.counted(
            settled.catch((error: unknown) => this.failed(ready.delivery, known, error)),
            known,
          );
        }
      }
    }
    // Settled after the batch, in the order given. The dispatcher's batches hold at most one message of
    // a co-op, so this reorders none of a co-op's messages.
    for (const index of alone.sort((a, b) => a - b)) answers[index] = await this.process(deliveries[index]);
    return answers;
  }

  /**
   * A delivery that decodes, verifies and is a message to apply (not a receipt): what the transaction
   * needs. Null for anything else, which `process` settles on its own.
   */
  private async readyToApply(delivery: IncomingDelivery, known: Known): Promise<ReadyToApply | null> {
    const started = performance.now();
    const decoded = this.decode(delivery);
    if (!decoded.ok || isReceipt(decoded.definition)) return null;
    const { envelope } = decoded;
    if (this.options.side.kind === 'node' && envelope.coopId !== this.options.side.coopId) return null;
    if (await this.signatureProblem(envelope)) return null;
    Object.assign(known, { messageId: envelope.id, coopId: envelope.coopId, type: envelope.type });
    return this.toApply(delivery, decoded, started);
  }

  private toApply(delivery: IncomingDelivery, decoded: Accepted, started: number): ReadyToApply {
    const { config } = this.options;
    const tooOld = pastHorizonReason(decoded.envelope.occurredAt, new Date(), config.INBOX_RETENTION_DAYS, INBOX_HORIZON_MARGIN_DAYS);
    const attemptKey = delivery.deliveryCount > 1 ? this.attemptKey(delivery) : null;
    return { delivery, decoded, attemptKey, pastHorizon: tooOld !== null, tooOld, started };
  }

  /** What to answer for a message its transaction settled (committed). */
  private async settle(ready: ReadyToApply, outcome: ApplyOutcome, known: Known): Promise<Disposition> {
    const { delivery, decoded, tooOld, started } = ready;
    const { envelope } = decoded;
    if (outcome === 'conflict') return this.refuse(delivery, `message id ${envelope.id} was seen before with different content`, known);
    if (outcome === 'past-horizon') {
      // A rejected receipt settles the sender's row, so it stops republishing and its operator sees why.
      this.counters?.refused('durable', 'past-retention-horizon');
      return this.refuse(delivery, tooOld!, known, { type: envelope.type, version: envelope.version });
    }
    this.metrics?.appliedOne(envelope.type, outcome, (performance.now() - started) / 1000);
    await this.onCommitted?.({ envelope, outcome });
    return { action: 'ack' };
  }

  /** decodeDurable, except that an exception in it is a refusal like any other. */
  private decode(delivery: IncomingDelivery): Accepted | Refusal {
    const { scheme, side } = this.options;
    try {
      return decodeDurable(delivery.subject, delivery.data, scheme, side.kind === 'hub' ? 'coop-to-hub' : 'hub-to-coop');
    } catch (error) {
      return {
        ok: false,
        code: 'unreadable',
        reason: `message could not be decoded (${safeErrorMessage(error, 200)})`,
        coopId: scheme.parse(delivery.subject)?.coopId,
        ...peekIdentity(delivery.data),
      };
    }
  }

  private refuse(
    delivery: IncomingDelivery,
    reason: string,
    known: Known,
    about?: { type?: string; version?: number },
  ): Promise<Disposition> {
    return this.refusals.refuse(delivery, this.senderKey(delivery.subject), reason, known, about);
  }

  /** A failure that is not the message's fault is retried; after INBOX_MAX_DELIVER of them it is dead-lettered. */
  private async failed(delivery: IncomingDelivery, known: Known, error: unknown): Promise<Disposition> {
    if (isDatabaseUnavailable(error)) return { action: 'pause', reason: safeErrorMessage(error) };
    const reason = safeErrorMessage(error);
    const max = this.options.config.INBOX_MAX_DELIVER;
    try {
      const key = this.attemptKey(delivery);
      const [{ failures }] = await this.dataSource.query(
        `INSERT INTO inbox_attempt (message_key, failures, last_error) VALUES ($1, 1, $2)
         ON CONFLICT ON CONSTRAINT pk_inbox_attempt DO UPDATE SET failures = inbox_attempt.failures + 1, last_error = EXCLUDED.last_error, last_failed_at = now()
         RETURNING failures`,
        [key, reason],
      );
      if (failures >= max) {
        const disposition = await this.refuse(delivery, `failed ${failures} times (INBOX_MAX_DELIVER ${max}): ${reason}`, known);
        await this.dataSource.query('DELETE FROM inbox_attempt WHERE message_key = $1', [key]);
        return disposition;
      }
      const delayMs = backoffDelay(failures, 500, 30_000);
      this.logger.warn({
        msg: 'message failed, will retry',
        messageId: known.messageId,
        coopId: known.coopId,
        failures,
        of: max,
        retryInMs: delayMs,
        reason,
      });
      return { action: 'nak', delayMs };
    } catch (second) {
      if (isDatabaseUnavailable(second)) return { action: 'pause', reason: safeErrorMessage(second) };
      const delayMs = backoffDelay(delivery.deliveryCount, 1000, 60_000);
      this.logger.error({
        msg: 'message failed and its failure could not be recorded, will retry',
        messageId: known.messageId,
        reason,
        recordError: safeErrorMessage(second),
        retryInMs: delayMs,
      });
      return { action: 'nak', delayMs };
    }
  }

  /** The sender as NATS permissions vouch for it: the co-op token of the subject (its lane, its budget). */
  senderKey(subject: string): string {
    return this.options.scheme.parse(subject)?.coopId ?? subject.split('.')[3] ?? '';
  }

  /** The same bytes are the same message: a republish of an outbox row carries the same bytes. */
  private attemptKey(delivery: IncomingDelivery): string {
    return sha256(delivery.data);
  }

  private async signatureProblem(envelope: Envelope<object>): Promise<string | null> {
    const key = await this.keys.keyFor(envelope.coopId);
    const signer = this.options.side.kind === 'hub' ? `co-op ${envelope.coopId}` : 'the hub';
    if (!key) return `${signer} has no signing key on record (not provisioned, or no longer a member: left the consortium)`;
    if (!verifySignature(envelope as Envelope<unknown>, key)) return `signature does not verify with the key of ${signer}`;
    return null;
  }

  /**
   * Settles the outbox row a receipt names, and runs what this side does on that (a receipt handler for
   * the row's type) in the same transaction. Only the co-op the row is for (or from) can settle it; a
   * repeated receipt finds the row settled and changes nothing.
   */
  private async applyReceipt(receipt: Envelope<ReceiptV1>): Promise<void> {
    const { messageId, outcome, reason } = receipt.payload;
    const settledReason = outcome === 'rejected' ? (reason ?? 'rejected') : null;
    const changed = await this.dataSource.transaction(async (m) => {
      const rows: { type: string; version: number }[] = await m.query(
        `UPDATE outbox_message SET status = $3, settled_at = now(), last_error = $4
          WHERE id = $1 AND coop_id = $2 AND status IN ('pending', 'published')
          RETURNING type, version`,
        [messageId, receipt.coopId, outcome === 'applied' ? 'confirmed' : 'rejected', settledReason],
      );
      // pg answers an UPDATE … RETURNING through TypeORM as [rows, count].
      const settled = (Array.isArray(rows[0]) ? rows[0] : rows) as unknown as { type: string; version: number }[];
      const row = settled[0];
      if (!row) return false;
      const direction = this.options.side.kind === 'hub' ? 'hub-to-coop' : 'coop-to-hub';
      const handler = this.receiptHandlers?.find(direction, row.type, row.version);
      if (handler) await handler({ messageId, coopId: receipt.coopId, outcome, reason: settledReason }, m);
      return true;
    });
    if (changed && outcome === 'rejected')
      this.logger.warn({ msg: 'message rejected by receiver', messageId, reason, correlationId: receipt.correlationId });
  }
}
