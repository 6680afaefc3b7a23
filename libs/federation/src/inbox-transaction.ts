import { createHash } from 'node:crypto';

import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Accepted, canonicalJson, Envelope, ReceiptV1 } from '@app/contracts';
import { AuditTrail, DomainError } from '@app/platform';

import { InboxMessage } from './entities';
import { FederationOptions } from './federation-options';
import { InboxHandlers } from './inbox-handlers';
import { OutboxService } from './outbox.service';
import { receiptDefinitionFor } from './receipts';

export type ApplyOutcome = 'applied' | 'rejected' | 'duplicate' | 'conflict' | 'past-horizon';

/**
 * One message's effect, its inbox row, its audit row and its receipt, in one transaction. The inbox
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
   * a look and the apply.
   */
  async apply(decoded: Accepted, attemptKey: string | null, pastHorizon = false): Promise<ApplyOutcome> {
    const { envelope } = decoded;
    const hash = sha256(canonicalJson(envelope));
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      const m = runner.manager;
      const inserted = await m.query(
        `INSERT INTO inbox_message (message_id, type, version, coop_id, content_sha256, outcome)
         VALUES ($1, $2, $3, $4, $5, 'applied') ON CONFLICT (message_id) DO NOTHING RETURNING message_id`,
        [envelope.id, envelope.type, envelope.version, envelope.coopId, hash],
      );
      let outcome: 'applied' | 'rejected' | 'duplicate';
      let reason: string | undefined;
      if (inserted.length === 1 && pastHorizon) {
        await runner.rollbackTransaction();
        return 'past-horizon';
      } else if (inserted.length === 1) {
        ({ outcome, reason } = await this.runHandler(decoded, m));
      } else {
        const existing = await m.findOneByOrFail(InboxMessage, { messageId: envelope.id });
        if (existing.contentSha256 !== hash || existing.coopId !== envelope.coopId) {
          await runner.rollbackTransaction();
          return 'conflict';
        }
        outcome = 'duplicate';
        reason = existing.reason ?? undefined;
        await this.sendReceipt(m, envelope, existing.outcome === 'rejected' ? 'rejected' : 'applied', reason);
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
      if (attemptKey) await m.query('DELETE FROM inbox_attempt WHERE message_key = $1', [attemptKey]);
      await runner.commitTransaction();
      this.logger.log({
        msg: `inbox ${outcome}`,
        messageId: envelope.id,
        type: envelope.type,
        coopId: envelope.coopId,
        correlationId: envelope.correlationId,
        ...(reason ? { reason } : {}),
      });
      return outcome;
    } catch (error) {
      // On a lost connection the rollback fails too; the error worth reporting is the first one.
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release().catch(() => undefined);
    }
  }

  async sendReceipt(m: EntityManager, envelope: Envelope<object>, outcome: 'applied' | 'rejected', reason?: string): Promise<void> {
    const receipt: ReceiptV1 = {
      messageId: envelope.id,
      messageType: envelope.type,
      messageVersion: envelope.version,
      outcome,
      ...(reason ? { reason: reason.slice(0, 2000) } : {}),
    };
    await this.outbox.enqueue(m, receiptDefinitionFor(this.options.side), receipt, {
      coopId: envelope.coopId,
      correlationId: envelope.correlationId,
      causationId: envelope.id,
    });
  }

  /** Runs the handler inside a savepoint, so a business refusal undoes its partial writes but keeps the inbox row. */
  private async runHandler(
    { envelope, definition }: Accepted,
    m: EntityManager,
  ): Promise<{ outcome: 'applied' | 'rejected'; reason?: string }> {
    const handler = this.handlers.find(definition);
    if (!handler)
      return this.markRejected(m, envelope, `no handler for ${envelope.type} v${envelope.version} on the ${this.options.side.kind}`);
    await m.query('SAVEPOINT inbox_effect');
    try {
      await handler(envelope, m);
      await m.query('RELEASE SAVEPOINT inbox_effect');
      return { outcome: 'applied' };
    } catch (error) {
      if (
        error instanceof DomainError &&
        (error.kind === 'invalid' || error.kind === 'conflict' || error.kind === 'not-found' || error.kind === 'forbidden')
      ) {
        await m.query('ROLLBACK TO SAVEPOINT inbox_effect');
        return this.markRejected(m, envelope, `${error.code}: ${error.message}`);
      }
      throw error;
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

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
