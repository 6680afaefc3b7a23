import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { HashedCode, StoredCode } from './sign-in-code.rules';

interface CodeRow {
  salt: string;
  code_hash: string;
  expires_at: Date;
  failed_tries: number;
  used_at: Date | null;
}

/** The one code waiting for each address: replaced by a new request, counted on each wrong try, spent once. */
@Injectable()
export class SignInCodeStore {
  /**
   * Puts a new code in place of the old one, unless the old one was asked for after `notBefore`: then
   * nothing changes and the answer is the time it was asked for. One statement, so two requests at once
   * cannot both pass the limit.
   */
  async replace(
    m: EntityManager,
    email: string,
    code: HashedCode,
    requestedAt: Date,
    expiresAt: Date,
    notBefore: Date,
  ): Promise<{ replaced: true } | { replaced: false; lastRequestedAt: Date }> {
    const rows: unknown[] = await m.query(
      `INSERT INTO candidate_sign_in_code (email, salt, code_hash, requested_at, expires_at, failed_tries, used_at)
       VALUES ($1, $2, $3, $4, $5, 0, NULL)
       ON CONFLICT (email) DO UPDATE SET salt = EXCLUDED.salt, code_hash = EXCLUDED.code_hash, requested_at = EXCLUDED.requested_at,
         expires_at = EXCLUDED.expires_at, failed_tries = 0, used_at = NULL
       WHERE candidate_sign_in_code.requested_at <= $6
       RETURNING email`,
      [email, code.salt, code.hash, requestedAt, expiresAt, notBefore],
    );
    if (rows.length) return { replaced: true };
    const [row]: { requested_at: Date }[] = await m.query('SELECT requested_at FROM candidate_sign_in_code WHERE email = $1', [email]);
    return { replaced: false, lastRequestedAt: row?.requested_at ?? requestedAt };
  }

  /** The code waiting for an address; with `lock`, held until the transaction ends. */
  async find(m: EntityManager, email: string, lock: boolean): Promise<StoredCode | null> {
    const [row]: CodeRow[] = await m.query(
      `SELECT salt, code_hash, expires_at, failed_tries, used_at FROM candidate_sign_in_code WHERE email = $1${lock ? ' FOR UPDATE' : ''}`,
      [email],
    );
    return row
      ? { salt: row.salt, hash: row.code_hash, expiresAt: row.expires_at, failedTries: row.failed_tries, usedAt: row.used_at }
      : null;
  }

  /**
   * Counts a wrong try against the code that was judged (its salt), in one statement of its own: the
   * count holds even though the request is refused, and tries at once can never pass the limit.
   * Returns the tries now counted, or null when that code had none left (or was replaced or spent).
   */
  async countWrongTry(m: EntityManager, email: string, judgedSalt: string, maxTries: number): Promise<number | null> {
    // TypeORM answers an UPDATE as [rows, row count].
    const [rows]: [{ failed_tries: number }[], number] = await m.query(
      `UPDATE candidate_sign_in_code SET failed_tries = failed_tries + 1
        WHERE email = $1 AND salt = $2 AND used_at IS NULL AND failed_tries < $3 RETURNING failed_tries`,
      [email, judgedSalt, maxTries],
    );
    return rows[0]?.failed_tries ?? null;
  }

  async spend(m: EntityManager, email: string, now: Date): Promise<void> {
    await m.query('UPDATE candidate_sign_in_code SET used_at = $2 WHERE email = $1', [email, now]);
  }
}
