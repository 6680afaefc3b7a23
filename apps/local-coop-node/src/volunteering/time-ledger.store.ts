import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { LedgerPurpose } from './time-bank.rules';
import { VolunteeringErrors } from './volunteering.errors';

export interface NewTransfer {
  purpose: LedgerPurpose;
  fromAccountId: string;
  toAccountId: string;
  minutes: number;
  occurredOn: string;
  note: string | null;
  volunteerHoursId: string | null;
  /** For a payment across co-ops: the transfer it belongs to (each purpose once per transfer). */
  timeCreditTransferId?: string | null;
}

/**
 * Writes to the double-entry time-credit ledger, inside the caller's transaction. A balance is the
 * sum of an account's entries; the account row is the lock that makes reading it and spending from
 * it one step.
 */
@Injectable()
export class TimeLedger {
  /**
   * Locks the volunteers' accounts for the rest of the transaction, always in account-id order, so
   * two transfers between the same pair in opposite directions queue instead of deadlocking. Returns
   * account ids by volunteer id; a volunteer with no account does not exist.
   */
  async lockVolunteerAccounts(manager: EntityManager, volunteerIds: string[]): Promise<Map<string, string>> {
    const ids = [...new Set(volunteerIds)];
    const rows: { id: string; volunteer_id: string }[] = await manager.query(
      `SELECT id, volunteer_id FROM time_account WHERE volunteer_id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [ids],
    );
    const accounts = new Map(rows.map((r) => [r.volunteer_id, r.id]));
    const missing = ids.find((id) => !accounts.has(id));
    if (missing) throw VolunteeringErrors.volunteerNotFound(missing);
    return accounts;
  }

  async openAccount(manager: EntityManager, volunteerId: string): Promise<string> {
    const id = randomUUID();
    await manager.query(`INSERT INTO time_account (id, kind, volunteer_id) VALUES ($1, 'volunteer', $2)`, [id, volunteerId]);
    return id;
  }

  /** The co-op's issuer account. It is never locked: it may go as far below zero as hours given take it. */
  async issuerAccountId(manager: EntityManager): Promise<string> {
    const [row] = await manager.query(`SELECT id FROM time_account WHERE kind = 'issuer'`);
    return row.id;
  }

  /** The co-op's consortium clearing account. Like the issuer it is never locked: its balance has no floor here, the hub limits it. */
  async clearingAccountId(manager: EntityManager): Promise<string> {
    const [row] = await manager.query(`SELECT id FROM time_account WHERE kind = 'clearing'`);
    return row.id;
  }

  /** Read after the account's lock is held, this sees every transfer committed before it. */
  async balanceOf(manager: EntityManager, accountId: string): Promise<number> {
    const [{ balance }] = await manager.query('SELECT coalesce(sum(minutes), 0)::int AS balance FROM time_entry WHERE account_id = $1', [
      accountId,
    ]);
    return balance;
  }

  /** One header and its two entries: the payer debited, the payee credited. The database checks the pair at commit. */
  async post(manager: EntityManager, t: NewTransfer): Promise<string> {
    const id = randomUUID();
    await manager.query(
      `INSERT INTO time_transfer (id, purpose, from_account_id, to_account_id, minutes, volunteer_hours_id, note, occurred_on, time_credit_transfer_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, t.purpose, t.fromAccountId, t.toAccountId, t.minutes, t.volunteerHoursId, t.note, t.occurredOn, t.timeCreditTransferId ?? null],
    );
    await manager.query('INSERT INTO time_entry (transfer_id, account_id, minutes) VALUES ($1, $2, $3), ($1, $4, $5)', [
      id,
      t.fromAccountId,
      -t.minutes,
      t.toAccountId,
      t.minutes,
    ]);
    return id;
  }
}
