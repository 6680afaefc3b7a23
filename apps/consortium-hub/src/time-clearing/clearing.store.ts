import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import type { ClearingStatus } from './clearing.rules';

export interface ClearingTransferRecord {
  id: string;
  paying_coop_id: string;
  receiving_coop_id: string;
  minutes: number;
  status: ClearingStatus;
}

/**
 * Locks and writes the clearing ledger inside the caller's transaction. A co-op's clearing_account
 * row is the lock under which its balance is read and changed; a transfer's row the lock under which
 * its answer is applied.
 */
@Injectable()
export class ClearingStore {
  /** The limit in force, locked against a change by staff while a payment is checked against it. */
  async limitMinutes(m: EntityManager, lock = false): Promise<number> {
    const [row]: { limit_minutes: number }[] = await m.query(`SELECT limit_minutes FROM clearing_setting ${lock ? 'FOR SHARE' : ''}`);
    return row.limit_minutes;
  }

  async setLimit(m: EntityManager, limitMinutes: number, by: string, at: Date): Promise<void> {
    await m.query('UPDATE clearing_setting SET limit_minutes = $1, updated_by = $2, updated_at = $3', [limitMinutes, by, at]);
  }

  /** Opens the co-ops' accounts if need be and locks them, in id order so two payments between a pair never deadlock. */
  async lockAccounts(m: EntityManager, coopIds: string[]): Promise<void> {
    const ids = [...new Set(coopIds)].sort();
    await m.query('INSERT INTO clearing_account (coop_id) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING', [ids]);
    await m.query('SELECT coop_id FROM clearing_account WHERE coop_id = ANY($1::text[]) ORDER BY coop_id FOR UPDATE', [ids]);
  }

  /** Read under the account's lock, this sees every entry committed before it. */
  async balanceOf(m: EntityManager, coopId: string): Promise<number> {
    const [{ balance }]: { balance: number }[] = await m.query(
      'SELECT coalesce(sum(minutes), 0)::int AS balance FROM clearing_entry WHERE coop_id = $1',
      [coopId],
    );
    return balance;
  }

  /**
   * The co-ops' statuses, their rows held (FOR KEY SHARE, in id order) until the caller commits: a
   * status change (which locks the row FOR UPDATE) waits, so a payment is never forwarded to a co-op
   * whose leaving has already given back what it had not answered; one that waited reads "left" and
   * refuses. Taken before the accounts, as the leaving does; heartbeats (no key update) are not held up.
   */
  async coopStatuses(m: EntityManager, coopIds: string[]): Promise<Map<string, string>> {
    const rows: { id: string; status: string }[] = await m.query(
      'SELECT id, status FROM coop WHERE id = ANY($1::text[]) ORDER BY id FOR KEY SHARE',
      [coopIds],
    );
    return new Map(rows.map((r) => [r.id, r.status]));
  }

  async find(m: EntityManager, id: string, lock = false): Promise<ClearingTransferRecord | null> {
    const [row]: ClearingTransferRecord[] = await m.query(
      `SELECT id, paying_coop_id, receiving_coop_id, minutes, status FROM clearing_transfer WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return row ?? null;
  }

  /** The forwarding messages of payments to the co-op not yet answered (unlocked). */
  async unansweredForwards(m: EntityManager, coopId: string): Promise<string[]> {
    const rows: { forward_message_id: string }[] = await m.query(
      `SELECT forward_message_id FROM clearing_transfer WHERE receiving_coop_id = $1 AND status = 'forwarded' ORDER BY id`,
      [coopId],
    );
    return rows.map((r) => r.forward_message_id);
  }

  /**
   * Payments to the co-op given back because it left (reversed with `reason`) whose node has not yet been
   * told: none of the hub's time-credits.withdrawn messages to it names them.
   */
  async givenBackUntold(m: EntityManager, coopId: string, reason: string): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT t.id FROM clearing_transfer t
        WHERE t.receiving_coop_id = $1 AND t.status = 'reversed' AND t.refusal_reason = $2
          AND NOT EXISTS (SELECT 1 FROM outbox_message o
                           WHERE o.coop_id = $1 AND o.type = 'time-credits.withdrawn' AND o.envelope->'payload'->>'transferId' = t.id::text)
        ORDER BY t.id`,
      [coopId, reason],
    );
    return rows.map((r) => r.id);
  }

  /** The payments these messages forwarded, locked, in id order. */
  async lockForwarded(m: EntityManager, forwardMessageIds: string[]): Promise<ClearingTransferRecord[]> {
    return m.query(
      `SELECT id, paying_coop_id, receiving_coop_id, minutes, status FROM clearing_transfer
        WHERE forward_message_id = ANY($1::uuid[]) AND status = 'forwarded' ORDER BY id FOR UPDATE`,
      [forwardMessageIds],
    );
  }

  async idOfForward(m: EntityManager, messageId: string): Promise<string | null> {
    const [row]: { id: string }[] = await m.query('SELECT id FROM clearing_transfer WHERE forward_message_id = $1', [messageId]);
    return row?.id ?? null;
  }

  /** The transfer and its two entries: the paying co-op debited, the receiving co-op credited. */
  async record(
    m: EntityManager,
    t: { id: string; payingCoopId: string; receivingCoopId: string; minutes: number; sentMessageId: string; forwardMessageId: string },
    at: Date,
  ): Promise<void> {
    await m.query(
      `INSERT INTO clearing_transfer (id, paying_coop_id, receiving_coop_id, minutes, status, sent_message_id, forward_message_id, received_at)
       VALUES ($1, $2, $3, $4, 'forwarded', $5, $6, $7)`,
      [t.id, t.payingCoopId, t.receivingCoopId, t.minutes, t.sentMessageId, t.forwardMessageId, at],
    );
    await this.entries(m, t.id, 'transfer', t.payingCoopId, t.receivingCoopId, t.minutes, at);
  }

  async complete(m: EntityManager, id: string, at: Date): Promise<void> {
    await m.query(`UPDATE clearing_transfer SET status = 'completed', settled_at = $2 WHERE id = $1`, [id, at]);
  }

  /** The receiving node refused: the transfer is marked reversed and its entries undone by two opposite ones. */
  async reverse(m: EntityManager, t: ClearingTransferRecord, reason: string, at: Date): Promise<void> {
    await m.query(`UPDATE clearing_transfer SET status = 'reversed', refusal_reason = $2, settled_at = $3 WHERE id = $1`, [
      t.id,
      reason,
      at,
    ]);
    await this.entries(m, t.id, 'reversal', t.receiving_coop_id, t.paying_coop_id, t.minutes, at);
  }

  private async entries(
    m: EntityManager,
    id: string,
    kind: string,
    debited: string,
    credited: string,
    minutes: number,
    at: Date,
  ): Promise<void> {
    await m.query(
      'INSERT INTO clearing_entry (transfer_id, coop_id, kind, minutes, recorded_at) VALUES ($1, $2, $3, $4, $6), ($1, $5, $3, -$4::int, $6)',
      [id, credited, kind, minutes, debited, at],
    );
  }
}
