import { DataSource, Migration } from 'typeorm';

/**
 * Applies the pending migrations while holding a PostgreSQL advisory lock, so instances of an app
 * started together on one database (two hubs behind a load balancer) migrate one after the other: the
 * first applies them, the next finds none left. Without it both would try the same CREATE TABLE and
 * one would fail to start. The lock is a session lock on a connection of its own, released with it
 * (and by PostgreSQL if the process dies meanwhile).
 */
export async function runMigrationsOnce(ds: DataSource): Promise<Migration[]> {
  const lock = ds.createQueryRunner();
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtextextended('ccm-migrations', 0))`);
    try {
      return await ds.runMigrations({ transaction: 'each' });
    } finally {
      await lock.query(`SELECT pg_advisory_unlock(hashtextextended('ccm-migrations', 0))`);
    }
  } finally {
    await lock.release();
  }
}
