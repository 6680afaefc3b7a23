import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Envelope } from '@app/contracts';

import { DeadLetterBook } from './dead-letter-book';
import { DeadLetter } from './entities';
import { InboxTransaction, sha256 } from './inbox-transaction';
import { SignatureKeys, verifySignature } from './signing';

/** What is known of a refused message: what its dead letter and receipt can name. */
export interface Known {
  messageId?: string;
  coopId?: string;
  /** The message's type, once it decoded as a known contract. */
  type?: string;
}

/** The part of a delivery a refusal records: its digest and size, never its body. */
export interface RefusedDelivery {
  subject: string;
  data: Uint8Array;
  deliveryCount: number;
}

/**
 * Refusing a message for good: a dead-letter row within the sender's budget (DeadLetterBook), and a
 * rejected receipt when the sender can be told. The sender is told only if it really sent this:
 * otherwise anyone could get its genuine message marked rejected by publishing a broken one under
 * the same id. Beyond the budget a refusal costs no transaction and no signature check.
 */
export class InboxRefusals {
  private readonly logger = new Logger('InboxProcessor');

  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: SignatureKeys,
    private readonly tx: InboxTransaction,
    readonly book: DeadLetterBook,
  ) {}

  async refuse(
    delivery: RefusedDelivery,
    sender: string,
    reason: string,
    known: Known,
    about?: { type?: string; version?: number },
  ): Promise<{ action: 'term' }> {
    if (!(await this.book.take(sender))) {
      this.book.summarise(sender, reason);
      return { action: 'term' };
    }
    const { messageId, coopId } = known;
    const tellSender = !!(messageId && coopId && about?.type && about.version) && (await this.signedByClaimedSender(delivery.data, coopId));
    await this.dataSource.transaction(async (m) => {
      // A redelivery of a message already refused changes nothing and tells the sender nothing new.
      if (!(await this.book.write(m, deadLetterRow(delivery, reason, known)))) return;
      if (tellSender) {
        const stub = {
          id: messageId,
          type: about!.type,
          version: about!.version,
          coopId,
          correlationId: messageId,
        } as unknown as Envelope<object>;
        await this.tx.sendReceipt(m, stub, 'rejected', reason);
      }
    });
    this.logger.warn({ msg: 'message dead-lettered', subject: delivery.subject, messageId, coopId, reason });
    return { action: 'term' };
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
}

function deadLetterRow(delivery: RefusedDelivery, reason: string, known: Known): Partial<DeadLetter> {
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** What can be read of a message its decoder choked on, so the sender's rejection receipt can name it. */
export function peekIdentity(data: Uint8Array): { messageId?: string; type?: string; version?: number } {
  try {
    const r = JSON.parse(Buffer.from(data).toString('utf8')) as Record<string, unknown>;
    return {
      ...(typeof r.id === 'string' && UUID.test(r.id) ? { messageId: r.id } : {}),
      ...(typeof r.type === 'string' && r.type.length <= 80 ? { type: r.type } : {}),
      ...(Number.isInteger(r.version) && (r.version as number) > 0 && (r.version as number) <= 1000
        ? { version: r.version as number }
        : {}),
    };
  } catch {
    return {};
  }
}
