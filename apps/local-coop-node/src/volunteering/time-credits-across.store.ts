import { createHash, randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import type { TransferPurpose } from './time-bank.rules';
import type { CrossCoopStatus, StoredCode } from './time-credits-across.rules';

/** A transfer across co-ops as `pg` returns it, for the use cases that change it. */
export interface AcrossCoopsRecord {
  id: string;
  direction: 'outgoing' | 'incoming';
  volunteer_id: string;
  other_coop_id: string;
  minutes: number;
  status: CrossCoopStatus;
}

export interface NewOutgoing {
  id: string;
  volunteerId: string;
  toCoopId: string;
  minutes: number;
  purpose: TransferPurpose;
  note: string | null;
  messageId: string;
  occurredOn: string;
}

/** The SHA-256 a payment code is kept and found by. */
export function paymentCodeHash(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex');
}

/**
 * Writes the node's records of payments across co-ops and of its payment codes, inside the caller's
 * transaction. A transfer's row is the lock every answer about it takes, so a late repeat and the
 * first answer cannot both act on it.
 */
@Injectable()
export class AcrossCoopsStore {
  async lock(m: EntityManager, id: string): Promise<AcrossCoopsRecord | null> {
    const [row]: AcrossCoopsRecord[] = await m.query(
      'SELECT id, direction, volunteer_id, other_coop_id, minutes, status FROM time_credit_transfer WHERE id = $1 FOR UPDATE',
      [id],
    );
    return row ?? null;
  }

  async idOfMessage(m: EntityManager, messageId: string): Promise<string | null> {
    const [row]: { id: string }[] = await m.query('SELECT id FROM time_credit_transfer WHERE message_id = $1', [messageId]);
    return row?.id ?? null;
  }

  async insertOutgoing(m: EntityManager, t: NewOutgoing, at: Date): Promise<void> {
    await m.query(
      `INSERT INTO time_credit_transfer (id, direction, volunteer_id, other_coop_id, minutes, purpose, note, status, message_id, occurred_on, created_at)
       VALUES ($1, 'outgoing', $2, $3, $4, $5, $6, 'sent', $7, $8, $9)`,
      [t.id, t.volunteerId, t.toCoopId, t.minutes, t.purpose, t.note, t.messageId, t.occurredOn, at],
    );
  }

  /** A payment from another co-op, completed as it is recorded (a refused one is never recorded). */
  async insertIncoming(
    m: EntityManager,
    t: { id: string; volunteerId: string; fromCoopId: string; minutes: number; occurredOn: string },
    at: Date,
  ): Promise<void> {
    await m.query(
      `INSERT INTO time_credit_transfer (id, direction, volunteer_id, other_coop_id, minutes, status, occurred_on, created_at, settled_at, completed_on)
       VALUES ($1, 'incoming', $2, $3, $4, 'completed', $5, $6, $6, $5)`,
      [t.id, t.volunteerId, t.fromCoopId, t.minutes, t.occurredOn, at],
    );
  }

  async markForwarded(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE time_credit_transfer SET status = 'forwarded' WHERE id = $1`, [id]);
  }

  async markCompleted(m: EntityManager, id: string, at: Date, on: string): Promise<void> {
    await m.query(`UPDATE time_credit_transfer SET status = 'completed', settled_at = $2, completed_on = $3 WHERE id = $1`, [id, at, on]);
  }

  /** A payment received and then withdrawn: it no longer counts as completed, and says why. */
  async markWithdrawn(m: EntityManager, id: string, reason: string, at: Date): Promise<void> {
    await m.query(
      `UPDATE time_credit_transfer SET status = 'withdrawn', refusal_reason = $2, settled_at = $3, completed_on = NULL WHERE id = $1`,
      [id, reason, at],
    );
  }

  /** Keeps the hub's word that a payment was withdrawn; false when it was kept already (a repeat). */
  async recordWithdrawal(m: EntityManager, transferId: string, reason: string, at: Date): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `INSERT INTO time_credit_withdrawal (transfer_id, reason, received_at) VALUES ($1, $2, $3)
       ON CONFLICT (transfer_id) DO NOTHING RETURNING transfer_id`,
      [transferId, reason, at],
    );
    return rows.length === 1;
  }

  async withdrawal(m: EntityManager, transferId: string): Promise<{ reason: string } | null> {
    const [row]: { reason: string }[] = await m.query('SELECT reason FROM time_credit_withdrawal WHERE transfer_id = $1', [transferId]);
    return row ?? null;
  }

  async markRefused(m: EntityManager, id: string, reason: string, at: Date): Promise<void> {
    await m.query(`UPDATE time_credit_transfer SET status = 'refused', refusal_reason = $2, settled_at = $3 WHERE id = $1`, [
      id,
      reason,
      at,
    ]);
  }

  async insertCode(m: EntityManager, c: { code: string; volunteerId: string; createdAt: Date; expiresAt: Date }): Promise<string> {
    const id = randomUUID();
    await m.query('INSERT INTO time_payment_code (id, code_hash, volunteer_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
      id,
      paymentCodeHash(c.code),
      c.volunteerId,
      c.createdAt,
      c.expiresAt,
    ]);
    return id;
  }

  /** The code's row, locked: two payments to one code queue, and the second finds it used. */
  async lockCode(m: EntityManager, code: string): Promise<(StoredCode & { id: string; volunteerId: string }) | null> {
    const [row]: {
      id: string;
      volunteer_id: string;
      expires_at: Date;
      used_at: Date | null;
      transfer_id: string | null;
      left_on: string | null;
    }[] = await m.query(
      `SELECT c.id, c.volunteer_id, c.expires_at, c.used_at, c.transfer_id, v.left_on
           FROM time_payment_code c JOIN volunteer v ON v.id = c.volunteer_id
          WHERE c.code_hash = $1 FOR UPDATE OF c`,
      [paymentCodeHash(code)],
    );
    // left_on is as it stood before any account lock: a caller that relies on it reads it again under one.
    if (!row) return null;
    return {
      id: row.id,
      volunteerId: row.volunteer_id,
      expiresAt: row.expires_at,
      usedAt: row.used_at,
      transferId: row.transfer_id,
      payeeLeftOn: row.left_on,
    };
  }

  async useCode(m: EntityManager, codeId: string, transferId: string, at: Date): Promise<void> {
    await m.query('UPDATE time_payment_code SET used_at = $2, transfer_id = $3 WHERE id = $1', [codeId, at, transferId]);
  }
}
