import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Accepted, Envelope, ReceiptV1, Refusal, decodeDurable } from '@app/contracts';
import { AuditTrail, isDatabaseUnavailable, safeErrorMessage } from '@app/platform';
import { backoffDelay } from './backoff';
import { DeadLetterBook } from './dead-letter-book';
import { DeadLetter } from './entities';
import { FEDERATION_DATA_SOURCE } from './federation-database';
import { FEDERATION_OPTIONS, FederationOptions } from './federation-options';
import { InboxHandlers } from './inbox-handlers';
import { InboxTransaction, sha256 } from './inbox-transaction';
import { OutboxService } from './outbox.service';
import { isReceipt } from './receipts';
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

export interface AppliedEvent {
  envelope: Envelope<object>;
  outcome: 'applied' | 'rejected' | 'duplicate';
}

/** What is known of the message so far, for the dead letter of a failure. */
interface Known {
  messageId?: string;
  coopId?: string;
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
  private readonly deadLetters: DeadLetterBook;
  private readonly tx: InboxTransaction;

  constructor(
    @Inject(FEDERATION_OPTIONS) private readonly options: FederationOptions,
    mainDataSource: DataSource,
    handlers: InboxHandlers,
    outbox: OutboxService,
    @Inject(SIGNATURE_KEYS) private readonly keys: SignatureKeys,
    audit: AuditTrail,
    @Optional() @Inject(FEDERATION_DATA_SOURCE) federationDataSource?: DataSource,
  ) {
    this.dataSource = options.side.kind === 'node' && federationDataSource ? federationDataSource : mainDataSource;
    this.deadLetters = new DeadLetterBook(this.dataSource, options.config.DEAD_LETTER_LIMIT, options.config.DEAD_LETTER_WINDOW_MS);
    this.tx = new InboxTransaction(options, this.dataSource, handlers, outbox, audit);
  }

  /**
   * Refuses on the spot, with no database work and no signature check, a message that does not even
   * decode from a sender already over its dead-letter budget; null when the message needs `process`.
   */
  quickRefusal(delivery: IncomingDelivery): { action: 'term' } | null {
    const sender = this.senderKey(delivery.subject);
    if (!this.deadLetters.isOverBudget(sender)) return null;
    const decoded = this.decode(delivery);
    if (decoded.ok) return null;
    this.deadLetters.summarise(sender, decoded.reason);
    return { action: 'term' };
  }

  async process(delivery: IncomingDelivery): Promise<Disposition> {
    const known: Known = {};
    try {
      return await this.decide(delivery, known);
    } catch (error) {
      return this.failed(delivery, known, error);
    }
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
    return this.deadLetters.close();
  }

  private async decide(delivery: IncomingDelivery, known: Known): Promise<Disposition> {
    const { side } = this.options;
    const decoded = this.decode(delivery);
    if (!decoded.ok) {
      known.messageId = decoded.messageId;
      known.coopId = decoded.coopId;
      return this.refuse(delivery, decoded.reason, known, decoded.type === 'federation.receipt' ? undefined : decoded);
    }
    const { envelope } = decoded;
    Object.assign(known, { messageId: envelope.id, coopId: envelope.coopId });
    // No receipt: the claimed sender did not send it, and the real sender is not ours to answer.
    const forged = await this.signatureProblem(envelope);
    if (forged) return this.refuse(delivery, forged, known);
    if (side.kind === 'node' && envelope.coopId !== side.coopId) {
      return this.refuse(delivery, `message for co-op ${envelope.coopId} reached co-op ${side.coopId}`, { messageId: envelope.id });
    }
    if (isReceipt(decoded.definition)) {
      await this.applyReceipt(envelope as Envelope<ReceiptV1>);
      return { action: 'ack' };
    }
    const outcome = await this.tx.apply(decoded, delivery.deliveryCount > 1 ? this.attemptKey(delivery) : null);
    if (outcome === 'conflict') return this.refuse(delivery, `message id ${envelope.id} was seen before with different content`, known);
    await this.onCommitted?.({ envelope, outcome });
    return { action: 'ack' };
  }

  /** decodeDurable, except that an exception in it is a refusal like any other. */
  private decode(delivery: IncomingDelivery): Accepted | Refusal {
    const { scheme, side } = this.options;
    try {
      return decodeDurable(delivery.subject, delivery.data, scheme, side.kind === 'hub' ? 'coop-to-hub' : 'hub-to-coop');
    } catch (error) {
      return { ok: false, reason: `message could not be decoded (${safeErrorMessage(error, 200)})`, coopId: scheme.parse(delivery.subject)?.coopId, ...peekIdentity(delivery.data) };
    }
  }

  /**
   * Dead-letters a refused message (within the sender's budget) and, when the sender can be told,
   * sends it a rejected receipt. The sender is told only if it really sent this: otherwise anyone
   * could get its genuine message marked rejected by publishing a broken one under the same id.
   */
  private async refuse(delivery: IncomingDelivery, reason: string, known: Known, about?: { type?: string; version?: number }): Promise<Disposition> {
    const sender = this.senderKey(delivery.subject);
    if (!(await this.deadLetters.take(sender))) {
      this.deadLetters.summarise(sender, reason);
      return { action: 'term' };
    }
    const { messageId, coopId } = known;
    const tellSender = !!(messageId && coopId && about?.type && about.version) && (await this.signedByClaimedSender(delivery.data, coopId));
    await this.dataSource.transaction(async (m) => {
      // A redelivery of a message already refused changes nothing and tells the sender nothing new.
      if (!(await this.deadLetters.write(m, this.deadLetterRow(delivery, reason, known)))) return;
      if (tellSender) {
        const stub = { id: messageId, type: about!.type, version: about!.version, coopId, correlationId: messageId } as unknown as Envelope<object>;
        await this.tx.sendReceipt(m, stub, 'rejected', reason);
      }
    });
    this.logger.warn({ msg: 'message dead-lettered', subject: delivery.subject, messageId, coopId, reason });
    return { action: 'term' };
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
      this.logger.warn({ msg: 'message failed, will retry', messageId: known.messageId, coopId: known.coopId, failures, of: max, retryInMs: delayMs, reason });
      return { action: 'nak', delayMs };
    } catch (second) {
      if (isDatabaseUnavailable(second)) return { action: 'pause', reason: safeErrorMessage(second) };
      const delayMs = backoffDelay(delivery.deliveryCount, 1000, 60_000);
      this.logger.error({ msg: 'message failed and its failure could not be recorded, will retry', messageId: known.messageId, reason, recordError: safeErrorMessage(second), retryInMs: delayMs });
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

  private async signedByClaimedSender(data: Uint8Array, coopId: string): Promise<boolean> {
    try {
      const raw = JSON.parse(Buffer.from(data).toString('utf8'));
      const key = await this.keys.keyFor(coopId);
      return !!key && raw?.coopId === coopId && typeof raw.signature === 'string' && verifySignature(raw, key);
    } catch {
      return false;
    }
  }

  private async signatureProblem(envelope: Envelope<object>): Promise<string | null> {
    const key = await this.keys.keyFor(envelope.coopId);
    const signer = this.options.side.kind === 'hub' ? `co-op ${envelope.coopId}` : 'the hub';
    if (!key) return `${signer} has no signing key on record (not provisioned)`;
    if (!verifySignature(envelope as Envelope<unknown>, key)) return `signature does not verify with the key of ${signer}`;
    return null;
  }

  /** Settles the outbox row a receipt names. Only the co-op the row is for (or from) can settle it. */
  private async applyReceipt(receipt: Envelope<ReceiptV1>): Promise<void> {
    const { messageId, outcome, reason } = receipt.payload;
    const result = await this.dataSource.query(
      `UPDATE outbox_message SET status = $3, settled_at = now(), last_error = $4
        WHERE id = $1 AND coop_id = $2 AND status IN ('pending', 'published')`,
      [messageId, receipt.coopId, outcome === 'applied' ? 'confirmed' : 'rejected', outcome === 'rejected' ? (reason ?? 'rejected') : null],
    );
    const changed = Array.isArray(result) ? result[1] : 0;
    if (changed && outcome === 'rejected') this.logger.warn({ msg: 'message rejected by receiver', messageId, reason, correlationId: receipt.correlationId });
  }

  private deadLetterRow(delivery: IncomingDelivery, reason: string, known: Known): Partial<DeadLetter> {
    return {
      messageId: known.messageId ?? null,
      subject: delivery.subject.slice(0, 300),
      coopId: known.coopId ?? null,
      reason: reason.slice(0, 4000),
      sizeBytes: delivery.data.byteLength,
      contentSha256: sha256(delivery.data),
      deliveryCount: delivery.deliveryCount,
    };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** What can be read of a message its decoder choked on, so the sender's rejection receipt can name it. */
function peekIdentity(data: Uint8Array): { messageId?: string; type?: string; version?: number } {
  try {
    const r = JSON.parse(Buffer.from(data).toString('utf8')) as Record<string, unknown>;
    return {
      ...(typeof r.id === 'string' && UUID.test(r.id) ? { messageId: r.id } : {}),
      ...(typeof r.type === 'string' && r.type.length <= 80 ? { type: r.type } : {}),
      ...(Number.isInteger(r.version) && (r.version as number) > 0 && (r.version as number) <= 1000 ? { version: r.version as number } : {}),
    };
  } catch {
    return {};
  }
}
