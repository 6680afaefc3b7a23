import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { buildMessage, BuildOptions, Envelope, MessageDefinition } from '@app/contracts';

import { OutboxMessage, OutboxStatus } from './entities';
import { FEDERATION_OPTIONS, FederationOptions } from './federation-options';

export interface OutboxCounts {
  pending: number;
  published: number;
  confirmed: number;
  rejected: number;
}

/**
 * Writes outgoing messages into the outbox. Call `enqueue` with the transaction's own entity
 * manager so the message exists if and only if the change that caused it was committed.
 */
@Injectable()
export class OutboxService {
  constructor(
    @Inject(FEDERATION_OPTIONS) private readonly options: FederationOptions,
    private readonly dataSource: DataSource,
  ) {}

  async enqueue<P extends object>(
    manager: EntityManager,
    def: MessageDefinition<P>,
    payload: P,
    options: Partial<BuildOptions> & { coopId?: string },
  ): Promise<Envelope<P>> {
    const [envelope] = await this.enqueueMany(manager, def, [{ payload, options }]);
    return envelope;
  }

  /** Several messages of one definition in one statement (the inbox's receipts for a batch). */
  async enqueueMany<P extends object>(
    manager: EntityManager,
    def: MessageDefinition<P>,
    messages: readonly { payload: P; options: Partial<BuildOptions> & { coopId?: string } }[],
  ): Promise<Envelope<P>[]> {
    const { side, scheme } = this.options;
    const expected = side.kind === 'node' ? 'coop-to-hub' : 'hub-to-coop';
    if (def.direction !== expected) throw new Error(`${def.type} v${def.version} is ${def.direction}, not sent by the ${side.kind}`);
    if (def.transport !== 'durable') throw new Error(`${def.type} is a core NATS message and does not go through the outbox`);
    const envelopes: Envelope<P>[] = [];
    const rows = messages.map(({ payload, options }) => {
      const coopId = side.kind === 'node' ? side.coopId : options.coopId;
      if (!coopId) throw new Error(`the hub must name the co-op a ${def.type} message is for`);
      const envelope = this.options.signer.sign(buildMessage(def, payload, { ...options, coopId }));
      envelopes.push(envelope);
      const subject = side.kind === 'node' ? scheme.coopMessage(coopId, def.type) : scheme.hubMessage(coopId, def.type);
      return {
        id: envelope.id,
        subject,
        type: def.type,
        version: def.version,
        coopId,
        envelope,
        needsReceipt: def.receipt,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: () => 'now()',
      };
    });
    if (rows.length > 0) await manager.insert(OutboxMessage, rows as never);
    return envelopes;
  }

  /**
   * Stops delivering messages that no receipt has settled, in the caller's transaction: each is marked
   * rejected with the reason, so the relay never sends it again and a receipt heard later finds it
   * settled and changes nothing. For messages whose receiver can no longer answer (a co-op that left).
   * Answers the ids that were still unsettled; a receipt settling one at the same moment is waited for,
   * and then it is not among them.
   */
  async withdraw(manager: EntityManager, messageIds: readonly string[], reason: string): Promise<string[]> {
    if (messageIds.length === 0) return [];
    const rows: unknown[] = await manager.query(
      `UPDATE outbox_message SET status = 'rejected', settled_at = now(), last_error = $2
        WHERE id = ANY($1::uuid[]) AND status IN ('pending', 'published') RETURNING id`,
      [messageIds, reason],
    );
    // pg answers an UPDATE … RETURNING through TypeORM as [rows, count].
    const settled = (Array.isArray(rows[0]) ? rows[0] : rows) as { id: string }[];
    return settled.map((r) => r.id);
  }

  async counts(coopId?: string): Promise<OutboxCounts> {
    const rows: { status: OutboxStatus; n: string }[] = await this.dataSource.query(
      `SELECT status, count(*) AS n FROM outbox_message ${coopId ? 'WHERE coop_id = $1' : ''} GROUP BY status`,
      coopId ? [coopId] : [],
    );
    const counts: OutboxCounts = { pending: 0, published: 0, confirmed: 0, rejected: 0 };
    for (const r of rows) counts[r.status] = Number(r.n);
    return counts;
  }

  /** Messages not yet settled by a receipt (pending or published). */
  async unconfirmed(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*) AS n FROM outbox_message WHERE status IN ('pending', 'published')`);
    return Number(row.n);
  }

  async recent(limit: number, status?: OutboxStatus): Promise<OutboxMessage[]> {
    return this.dataSource.getRepository(OutboxMessage).find({
      where: status ? { status } : {},
      order: { createdAt: 'DESC' },
      take: limit,
    });
  }
}
