import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Accepted, Envelope, ReceiptV1, canonicalJson, decodeDurable } from '@app/contracts';
import { AuditTrail, DomainError } from '@app/platform';
import { backoffDelay } from './backoff';
import { DeadLetter, InboxMessage } from './entities';
import { FEDERATION_OPTIONS, FederationOptions } from './federation-options';
import { InboxHandlers } from './inbox-handlers';
import { OutboxService } from './outbox.service';
import { isReceipt, receiptDefinitionFor } from './receipts';
import { SIGNATURE_KEYS, SignatureKeys, verifySignature } from './signing';

export interface IncomingDelivery {
  subject: string;
  data: Uint8Array;
  /** 1 for the first delivery. */
  deliveryCount: number;
}

/** What to tell JetStream: ack (done), nak after a delay (try again), or term (never again). */
export type Disposition = { action: 'ack' } | { action: 'nak'; delayMs: number } | { action: 'term' };

export interface AppliedEvent {
  envelope: Envelope<object>;
  outcome: 'applied' | 'rejected' | 'duplicate';
}

/**
 * The idempotent inbox: decides, for one delivery, whether to apply it, and applies it in one
 * transaction together with its inbox row and its receipt. Knows nothing of NATS subscriptions, so it
 * can be driven by the consumer loop or by a test.
 */
@Injectable()
export class InboxProcessor {
  private readonly logger = new Logger(InboxProcessor.name);
  /** Called after the transaction committed and before the ack: a seam for observers (metrics, tests). */
  onCommitted: ((event: AppliedEvent) => Promise<void> | void) | null = null;

  constructor(
    @Inject(FEDERATION_OPTIONS) private readonly options: FederationOptions,
    private readonly dataSource: DataSource,
    private readonly handlers: InboxHandlers,
    private readonly outbox: OutboxService,
    @Inject(SIGNATURE_KEYS) private readonly keys: SignatureKeys,
    private readonly audit: AuditTrail,
  ) {}

  async process(delivery: IncomingDelivery): Promise<Disposition> {
    const { side, scheme } = this.options;
    const direction = side.kind === 'hub' ? 'coop-to-hub' : 'hub-to-coop';
    const decoded = decodeDurable(delivery.subject, delivery.data, scheme, direction);
    if (!decoded.ok) {
      // The sender is told only if it really sent this: otherwise anyone could get its genuine
      // message marked rejected by publishing a broken one under the same id.
      const tellSender = decoded.type !== 'federation.receipt' && (await this.signedByClaimedSender(delivery.data, decoded.coopId));
      await this.refuse(delivery, decoded.reason, decoded.messageId, decoded.coopId, tellSender ? decoded : undefined);
      return { action: 'term' };
    }
    const forged = await this.signatureProblem(decoded.envelope);
    if (forged) {
      // No receipt: the claimed sender did not send it, and the real sender is not ours to answer.
      await this.refuse(delivery, forged, decoded.envelope.id, decoded.envelope.coopId);
      return { action: 'term' };
    }
    if (side.kind === 'node' && decoded.envelope.coopId !== side.coopId) {
      await this.refuse(delivery, `message for co-op ${decoded.envelope.coopId} reached co-op ${side.coopId}`, decoded.envelope.id, undefined);
      return { action: 'term' };
    }
    if (isReceipt(decoded.definition)) {
      await this.applyReceipt(decoded.envelope as Envelope<ReceiptV1>);
      return { action: 'ack' };
    }
    try {
      const outcome = await this.apply(decoded, delivery);
      if (outcome === 'conflict') return { action: 'term' };
      await this.onCommitted?.({ envelope: decoded.envelope, outcome });
      return { action: 'ack' };
    } catch (error) {
      const reason = (error as Error).message;
      if (delivery.deliveryCount >= this.options.config.INBOX_MAX_DELIVER) {
        await this.deadLetter(delivery, `failed on delivery ${delivery.deliveryCount} of ${this.options.config.INBOX_MAX_DELIVER}: ${reason}`, decoded.envelope.id, decoded.envelope.coopId);
        return { action: 'term' };
      }
      const delayMs = backoffDelay(delivery.deliveryCount, 500, 30_000);
      this.logger.warn({ msg: 'message failed, will retry', messageId: decoded.envelope.id, type: decoded.envelope.type, correlationId: decoded.envelope.correlationId, delivery: delivery.deliveryCount, retryInMs: delayMs, reason });
      return { action: 'nak', delayMs };
    }
  }

  private async signedByClaimedSender(data: Uint8Array, coopId?: string): Promise<boolean> {
    if (!coopId) return false;
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

  private async apply(decoded: Accepted, delivery: IncomingDelivery): Promise<'applied' | 'rejected' | 'duplicate' | 'conflict'> {
    const { envelope, definition } = decoded;
    const handler = this.handlers.find(definition);
    const hash = sha256(canonicalJson(envelope));
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const m = runner.manager;
      const inserted = await m.query(
        `INSERT INTO inbox_message (message_id, type, version, coop_id, content_sha256, outcome)
         VALUES ($1, $2, $3, $4, $5, 'applied') ON CONFLICT (message_id) DO NOTHING RETURNING message_id`,
        [envelope.id, envelope.type, envelope.version, envelope.coopId, hash],
      );
      let outcome: 'applied' | 'rejected' | 'duplicate';
      let reason: string | undefined;
      if (inserted.length === 1) {
        ({ outcome, reason } = await this.runHandler(handler, decoded, m));
      } else {
        const existing = await m.findOneByOrFail(InboxMessage, { messageId: envelope.id });
        if (existing.contentSha256 !== hash || existing.coopId !== envelope.coopId) {
          await runner.rollbackTransaction();
          await this.deadLetter(delivery, `message id ${envelope.id} was seen before with different content`, envelope.id, envelope.coopId);
          return 'conflict';
        }
        outcome = 'duplicate';
        reason = existing.reason ?? undefined;
        if (existing.outcome === 'rejected') await this.sendReceipt(m, envelope, 'rejected', reason);
        else await this.sendReceipt(m, envelope, 'applied');
      }
      if (outcome !== 'duplicate') {
        await this.sendReceipt(m, envelope, outcome, reason);
        await this.audit.record(
          {
            actor: this.options.side.kind === 'hub' ? `coop:${envelope.coopId}` : 'hub',
            actorRole: this.options.side.kind === 'hub' ? 'coop' : 'hub',
            action: `message ${envelope.type} v${envelope.version}`,
            target: `message=${envelope.id}`,
            outcome: outcome === 'applied' ? 'succeeded' : 'refused',
            correlationId: envelope.correlationId,
          },
          m,
        );
      }
      await runner.commitTransaction();
      this.logger.log({ msg: `inbox ${outcome}`, messageId: envelope.id, type: envelope.type, coopId: envelope.coopId, correlationId: envelope.correlationId, ...(reason ? { reason } : {}) });
      return outcome;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** Runs the handler inside a savepoint, so a business refusal undoes its partial writes but keeps the inbox row. */
  private async runHandler(
    handler: ReturnType<InboxHandlers['find']>,
    { envelope }: Accepted,
    m: EntityManager,
  ): Promise<{ outcome: 'applied' | 'rejected'; reason?: string }> {
    if (!handler) return this.markRejected(m, envelope, `no handler for ${envelope.type} v${envelope.version} on the ${this.options.side.kind}`);
    await m.query('SAVEPOINT inbox_effect');
    try {
      await handler(envelope, m);
      await m.query('RELEASE SAVEPOINT inbox_effect');
      return { outcome: 'applied' };
    } catch (error) {
      if (error instanceof DomainError && (error.kind === 'invalid' || error.kind === 'conflict' || error.kind === 'not-found' || error.kind === 'forbidden')) {
        await m.query('ROLLBACK TO SAVEPOINT inbox_effect');
        return this.markRejected(m, envelope, `${error.code}: ${error.message}`);
      }
      throw error;
    }
  }

  private async markRejected(m: EntityManager, envelope: Envelope<object>, reason: string): Promise<{ outcome: 'rejected'; reason: string }> {
    await m.update(InboxMessage, { messageId: envelope.id }, { outcome: 'rejected', reason });
    return { outcome: 'rejected', reason };
  }

  private async sendReceipt(m: EntityManager, envelope: Envelope<object>, outcome: 'applied' | 'rejected', reason?: string): Promise<void> {
    const receipt: ReceiptV1 = { messageId: envelope.id, messageType: envelope.type, messageVersion: envelope.version, outcome, ...(reason ? { reason: reason.slice(0, 2000) } : {}) };
    await this.outbox.enqueue(m, receiptDefinitionFor(this.options.side), receipt, {
      coopId: envelope.coopId,
      correlationId: envelope.correlationId,
      causationId: envelope.id,
    });
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

  /** Dead-letters an invalid message and, when the sender can be told, sends a rejected receipt. */
  private async refuse(delivery: IncomingDelivery, reason: string, messageId?: string, coopId?: string, about?: { type?: string; version?: number }): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      // A redelivery of a message already refused changes nothing and tells the sender nothing new.
      if (!(await this.insertDeadLetter(m, this.deadLetterRow(delivery, reason, messageId, coopId)))) return;
      if (messageId && coopId && about?.type && about.version) {
        const stub = { id: messageId, type: about.type, version: about.version, coopId, correlationId: messageId } as unknown as Envelope<object>;
        await this.sendReceipt(m, stub, 'rejected', reason);
      }
    });
    this.logger.warn({ msg: 'message dead-lettered', subject: delivery.subject, messageId, coopId, reason });
  }

  private async deadLetter(delivery: IncomingDelivery, reason: string, messageId?: string, coopId?: string): Promise<void> {
    await this.insertDeadLetter(this.dataSource.manager, this.deadLetterRow(delivery, reason, messageId, coopId));
    this.logger.warn({ msg: 'message dead-lettered', subject: delivery.subject, messageId, coopId, reason });
  }

  /** One row per bad message (same bytes, subject and reason): false when it was already there. */
  private async insertDeadLetter(m: EntityManager, row: Partial<DeadLetter>): Promise<boolean> {
    const inserted = await m
      .createQueryBuilder()
      .insert()
      .into(DeadLetter)
      .values(row)
      .orIgnore()
      .returning('id')
      .execute();
    return inserted.raw.length > 0;
  }

  private deadLetterRow(delivery: IncomingDelivery, reason: string, messageId?: string, coopId?: string): Partial<DeadLetter> {
    return {
      messageId: messageId ?? null,
      subject: delivery.subject.slice(0, 300),
      coopId: coopId ?? null,
      reason: reason.slice(0, 4000),
      sizeBytes: delivery.data.byteLength,
      contentSha256: sha256(delivery.data),
      deliveryCount: delivery.deliveryCount,
    };
  }
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
