import { createHash } from 'node:crypto';

import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Accepted, canonicalJson, Envelope, ReceiptV1 } from '@app/contracts';
import { AuditEntry, AuditTrail, DomainError, isDatabaseUnavailable } from '@app/platform';

import { InboxMessage } from './entities';
import { FederationOptions } from './federation-options';
import { InboxHandlers } from './inbox-handlers';
import { OutboxService } from './outbox.service';
import { receiptDefinitionFor } from './receipts';

export type ApplyOutcome = 'applied' | 'rejected' | 'duplicate' | 'conflict' | 'past-horizon';

/** Settled for good by its transaction: its failure count, if any, is cleared with it. */
const SETTLED = new Set<ApplyOutcome>(['applied', 'rejected', 'duplicate']);

export interface ToApply {
  decoded: Accepted;
  /** Names the message's failure count (a redelivery only). */
  attemptKey: string | null;
  pastHorizon: boolean;
}

interface ReceiptToSend {
  payload: ReceiptV1;
  options: { coopId: string; correlationId: string; causationId: string };
}

/** What a batch writes after its messages, one statement each. */
interface Writes {
  receipts: ReceiptToSend[];
  audits: AuditEntry[];
}

/** One message's result in a batch: an outcome, or the error its effect failed with (nothing of it kept). */
export type BatchResult = ApplyOutcome | { failed: unknown };

/**
 * One message's effect, its inbox row, its audit row and its receipt, in one transaction (or several
 * messages', each in savepoints of their own, in one transaction: `applyBatch`). The inbox
 * row's primary key makes a repeat, however late, change nothing; the content hash tells a true
 * repeat from a different message that reuses an id ('conflict': nothing is written, the caller
 * dead-letters it once the connection is back in the pool).
 */
export class InboxTransaction {
  private readonly logger = new Logger('InboxProcessor');

  constructor(
    private readonly options: FederationOptions,
    private readonly dataSource: DataSource,
    private readonly handlers: InboxHandlers,
    private readonly outbox: OutboxService,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * `attemptKey` names the message's failure count, cleared once it is applied. `pastHorizon`: the
   * message was made before the inbox's retention horizon. It is then a duplicate if its id is still
   * kept, and otherwise refused ('past-horizon': nothing is written), for its id may have been purged.
   * Deciding inside the transaction, on the insert, leaves no gap for a sweep to purge the id between
   * a look and the apply. A handler's failure keeps nothing of the message, and is thrown.
   */
  async apply(decoded: Accepted, attemptKey: string | null, pastHorizon = false): Promise<ApplyOutcome> {
    const [result] = await this.applyBatch([{ decoded, attemptKey, pastHorizon }]);
    if (typeof result === 'object') throw result.failed;
    return result;
  }

  /**
   * Several messages in ONE transaction and one commit, each as `apply` would apply it alone, in the
   * order given. Each effect runs in its own savepoint, so a refused or failed effect undoes only its
   * own writes: a failed one (`{ failed }`) leaves no inbox row either, and the others commit. Anything
   * that fails outside a savepoint (a lost connection, the commit itself) undoes the whole batch and
   * is thrown: nothing of it was applied, and each message can be delivered again.
   */
  async applyBatch(messages: readonly ToApply[]): Promise<BatchResult[]> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      const m = runner.manager;
      const results: BatchResult[] = [];
      const logged: { envelope: Envelope<object>; outcome: ApplyOutcome; reason?: string }[] = [];
      const writes: Writes = { receipts: [], audits: [] };
      const hashes = messages.map((message) => sha256(canonicalJson(message.decoded.envelope)));
      const fresh = await this.insertInboxRows(m, messages, hashes);
      for (const [i, message] of messages.entries()) {
        const result = await this.applyOne(message, hashes[i], fresh.has(i), m, writes);
        results.push(typeof result === 'object' && 'failed' in result ? result : result.outcome);
        if (typeof result === 'object' && 'outcome' in result) logged.push({ envelope: message.decoded.envelope, ...result });
      }
      // Every receipt and audit row of the batch in one statement each: outside the savepoints, so if one
      // of these fails the whole batch does, and nothing is kept.
      await this.outbox.enqueueMany(m, receiptDefinitionFor(this.options.side), writes.receipts);
      await this.audit.recordMany(writes.audits, m);
      // A failure count is cleared once its message is settled: not for one that failed again, nor one left unwritten.
      const settled = messages.filter(
        (msg, i) => msg.attemptKey && typeof results[i] === 'string' && SETTLED.has(results[i] as ApplyOutcome),
      );
      if (settled.length > 0)
        await m.query('DELETE FROM inbox_attempt WHERE message_key = ANY($1::text[])', [settled.map((s) => s.attemptKey)]);
      await runner.commitTransaction();
      for (const { envelope, outcome, reason } of logged)
        this.logger.log({
          msg: `inbox ${outcome}`,
          messageId: envelope.id,
          type: envelope.type,
          coopId: envelope.coopId,
          correlationId: envelope.correlationId,
          ...(reason ? { reason } : {}),
        });
      return results;
    } catch (error) {
      // On a lost connection the rollback fails too; the error worth reporting is the first one.
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release().catch(() => undefined);
    }
  }

  /**
   * Every inbox row of the batch in one statement, which is also the duplicate check: a message whose id
   * is kept already, or came earlier in the batch, inserts nothing. Returns the places of the messages
   * whose row it inserted. In the order of their ids, so two batches sharing ids cannot deadlock.
   */
  private async insertInboxRows(m: EntityManager, messages: readonly ToApply[], hashes: string[]): Promise<Set<number>> {
    // Keyed as PostgreSQL returns a uuid (lower case), whatever case the sender wrote it in.
    const firstOf = new Map<string, number>();
    messages.forEach(({ decoded }, i) => {
      const id = decoded.envelope.id.toLowerCase();
      if (!firstOf.has(id)) firstOf.set(id, i);
    });
    const ids = [...firstOf.keys()].sort();
    const envelopeOf = (id: string) => messages[firstOf.get(id)!].decoded.envelope;
    const inserted: { message_id: string }[] = await m.query(
      `INSERT INTO inbox_message (message_id, type, version, coop_id, content_sha256, outcome)
       SELECT id, type, version, coop_id, sha, 'applied'
         FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[]) AS t (id, type, version, coop_id, sha)
       ON CONFLICT (message_id) DO NOTHING RETURNING message_id`,
      [
        ids,
        ids.map((id) => envelopeOf(id).type),
        ids.map((id) => envelopeOf(id).version),
        ids.map((id) => envelopeOf(id).coopId),
        ids.map((id) => hashes[firstOf.get(id)!]),
      ],
    );
    return new Set(inserted.map((row) => firstOf.get(row.message_id)!));
  }

  /**
   * One message of a batch, whose inbox row was just inserted (`fresh`) or was there already; its
   * receipt and audit row are left in `writes`, for one statement each per batch.
   */
  private async applyOne(
    { decoded, pastHorizon }: ToApply,
    hash: string,
    fresh: boolean,
    m: EntityManager,
    writes: Writes,
  ): Promise<{ outcome: ApplyOutcome; reason?: string } | { failed: unknown }> {
    const { envelope } = decoded;
    let outcome: 'applied' | 'rejected' | 'duplicate';
    let reason: string | undefined;
    if (fresh && pastHorizon) {
      await this.forget(m, envelope.id);
      return { outcome: 'past-horizon' };
    } else if (fresh) {
      const effect = await this.runHandler(decoded, m);
      if ('failed' in effect) {
        await this.forget(m, envelope.id);
        return effect;
      }
      ({ outcome, reason } = effect);
    } else {
      const existing = await m.findOneByOrFail(InboxMessage, { messageId: envelope.id });
      if (existing.contentSha256 !== hash || existing.coopId !== envelope.coopId) return { outcome: 'conflict' };
      outcome = 'duplicate';
      reason = existing.reason ?? undefined;
      writes.receipts.push(receiptOf(envelope, existing.outcome === 'rejected' ? 'rejected' : 'applied', reason));
    }
    if (outcome !== 'duplicate') {
      writes.receipts.push(receiptOf(envelope, outcome, reason));
      writes.audits.push({
        actor: this.options.side.kind === 'hub' ? `coop:${envelope.coopId}` : 'hub',
        actorRole: this.options.side.kind === 'hub' ? 'coop' : 'hub',
        action: `message ${envelope.type} v${envelope.version}`,
        target: `message=${envelope.id}`,
        outcome: outcome === 'applied' ? 'succeeded' : 'refused',
        correlationId: envelope.correlationId,
      });
    }
    return { outcome, reason };
  }

  /** Takes back the inbox row this transaction just wrote, so the message is as if never seen. */
  private async forget(m: EntityManager, messageId: string): Promise<void> {
    await m.query('DELETE FROM inbox_message WHERE message_id = $1', [messageId]);
  }

  async sendReceipt(m: EntityManager, envelope: Envelope<object>, outcome: 'applied' | 'rejected', reason?: string): Promise<void> {
    await this.outbox.enqueueMany(m, receiptDefinitionFor(this.options.side), [receiptOf(envelope, outcome, reason)]);
  }

  /**
   * Runs the handler inside a savepoint, so a business refusal undoes its partial writes but keeps the
   * inbox row, and a failure undoes them without undoing the other messages of the batch.
   */
  private async runHandler(
    { envelope, definition }: Accepted,
    m: EntityManager,
  ): Promise<{ outcome: 'applied' | 'rejected'; reason?: string } | { failed: unknown }> {
    const handler = this.handlers.find(definition);
    if (!handler)
      return this.markRejected(m, envelope, `no handler for ${envelope.type} v${envelope.version} on the ${this.options.side.kind}`);
    await m.query('SAVEPOINT inbox_effect');
    try {
      await handler(envelope, m);
      // Not released: a savepoint kept costs nothing until the commit, and a statement a message is
      // what a batch saves. A later ROLLBACK TO names the latest savepoint of the name: its own.
      return { outcome: 'applied' };
    } catch (error) {
      if (
        error instanceof DomainError &&
        (error.kind === 'invalid' || error.kind === 'conflict' || error.kind === 'not-found' || error.kind === 'forbidden')
      ) {
        await m.query('ROLLBACK TO SAVEPOINT inbox_effect');
        return this.markRejected(m, envelope, `${error.code}: ${error.message}`);
      }
      // This side's database is gone: nothing here can be kept, the whole transaction goes.
      if (isDatabaseUnavailable(error)) throw error;
      // Undoes this effect only; if even that fails, the transaction is lost and the error is the caller's.
      await m.query('ROLLBACK TO SAVEPOINT inbox_effect');
      return { failed: error };
    }
  }

  private async markRejected(
    m: EntityManager,
    envelope: Envelope<object>,
    reason: string,
  ): Promise<{ outcome: 'rejected'; reason: string }> {
    await m.update(InboxMessage, { messageId: envelope.id }, { outcome: 'rejected', reason });
    return { outcome: 'rejected', reason };
  }
}

/** What a message's receipt says, and to whom. */
function receiptOf(envelope: Envelope<object>, outcome: 'applied' | 'rejected', reason?: string): ReceiptToSend {
  return {
    payload: {
      messageId: envelope.id,
      messageType: envelope.type,
      messageVersion: envelope.version,
      outcome,
      ...(reason ? { reason: reason.slice(0, 2000) } : {}),
    },
    options: { coopId: envelope.coopId, correlationId: envelope.correlationId, causationId: envelope.id },
  };
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
