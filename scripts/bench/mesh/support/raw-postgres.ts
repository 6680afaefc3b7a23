import { randomUUID } from 'node:crypto';

import { Pool } from 'pg';

import { ensureDatabase } from '@app/platform';

import { BenchContext } from '../figure';
import { elapsedMs, inFlight } from './timing';

/** The pool size of each app's main connection pool (libs/platform postgresOptions: `extra.max`). */
export const APP_POOL_SIZE = 10;

/** A pg pool on a database of the figure's own (created here, dropped by the BenchMesh that named it). */
export async function rawPool(ctx: BenchContext, database: string, max: number): Promise<Pool> {
  await ensureDatabase({ ...ctx.db, database });
  const pool = new Pool({ ...ctx.db, database, max });
  ctx.defer(() => pool.end());
  return pool;
}

/**
 * The raw baseline of applying a message: one transaction of two inserts (the message's id, as an
 * inbox row, and its effect) and a commit, `count` of them with `concurrency` in flight on `pool`.
 * Returns the milliseconds they took.
 */
export async function rawTwoInsertTransactions(pool: Pool, count: number, concurrency: number): Promise<number> {
  await pool.query(`CREATE TABLE IF NOT EXISTS raw_inbox (message_id uuid PRIMARY KEY, coop_id text NOT NULL, received_at timestamptz NOT NULL DEFAULT now());
                    CREATE TABLE IF NOT EXISTS raw_effect (id bigserial PRIMARY KEY, message_id uuid NOT NULL, body jsonb NOT NULL)`);
  const started = performance.now();
  await inFlight(count, concurrency, async (i) => {
    const client = await pool.connect();
    try {
      const id = randomUUID();
      await client.query('BEGIN');
      await client.query('INSERT INTO raw_inbox (message_id, coop_id) VALUES ($1, $2)', [id, `raw-${i % 16}`]);
      await client.query('INSERT INTO raw_effect (message_id, body) VALUES ($1, $2)', [id, JSON.stringify({ name: `raw ${i}` })]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  });
  return elapsedMs(started);
}
