import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { safeErrorMessage } from '../errors/safe-error';

/** What one attempt at a scheduled job came to: it ran here, or it was skipped because a run was already going. */
export type ExclusiveRun<T> = { ran: true; result: T } | { ran: false; reason: 'busy-here' | 'busy-elsewhere' };

const logger = new Logger('ExclusiveJob');

/**
 * Runs `work` only if no other process on this database is running the job named `jobName`; otherwise
 * skips at once ({ ran: false }): another hub instance is doing the sweep, and the next tick looks again.
 *
 * The lock is a PostgreSQL session-level advisory lock keyed by the job's name
 * (`hashtextextended('ccm-job:' || name, 0)`), taken with pg_try_advisory_lock on one connection held for
 * the whole run and unlocked after it. A session lock, not pg_try_advisory_xact_lock, because every job
 * does its work as many short transactions of its own (one per round, tender, candidate or ballot), so that
 * one item's failure neither undoes nor blocks the others and row locks are held briefly: no single
 * transaction spans the run. The holding connection sits idle in no transaction while the work runs on
 * other pooled connections, so a run needs two of the pool's connections.
 *
 * If the process dies mid-run (crash, kill -9, a lost network), PostgreSQL ends its session and with it
 * the lock, and another instance's next tick runs the job. That is also why each job's work must stay
 * safe if two runs overlapped anyway (a connection cut while its process lives on): each item is
 * locked and judged again inside its own transaction. Advisory locks are per database, so the hub and
 * each node, each on its own database, never contend; they do not survive a pooler in transaction mode
 * (PgBouncer): the apps must reach PostgreSQL directly or through session pooling.
 */
export async function runExclusively<T>(dataSource: DataSource, jobName: string, work: () => Promise<T>): Promise<ExclusiveRun<T>> {
  const holder = dataSource.createQueryRunner();
  try {
    const [{ locked }]: { locked: boolean }[] = await holder.query(
      `SELECT pg_try_advisory_lock(hashtextextended('ccm-job:' || $1, 0)) AS locked`,
      [jobName],
    );
    if (!locked) return { ran: false, reason: 'busy-elsewhere' };
    try {
      return { ran: true, result: await work() };
    } finally {
      await unlock(holder, jobName);
    }
  } finally {
    await holder.release();
  }
}

async function unlock(holder: ReturnType<DataSource['createQueryRunner']>, jobName: string): Promise<void> {
  try {
    const [{ unlocked }]: { unlocked: boolean }[] = await holder.query(
      `SELECT pg_advisory_unlock(hashtextextended('ccm-job:' || $1, 0)) AS unlocked`,
      [jobName],
    );
    if (!unlocked) logger.warn({ msg: 'a scheduled job had lost its lock before the run ended (its connection was reset)', job: jobName });
  } catch (error) {
    // The connection broke: the session, and the lock with it, is gone, and the pool does not reuse the client.
    logger.warn({
      msg: 'a scheduled job could not release its lock; its connection is gone, and the lock with it',
      job: jobName,
      reason: safeErrorMessage(error),
    });
  }
}

/**
 * One scheduled job of this process: at most one run at a time here (a tick that comes while the last run
 * is still going is skipped), and at most one across every process on the database (runExclusively).
 * `settled()` lets shutdown wait for a run in hand.
 */
export class ExclusiveJob {
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    readonly name: string,
  ) {}

  run<T>(work: () => Promise<T>): Promise<ExclusiveRun<T>> {
    if (this.running) return Promise.resolve({ ran: false, reason: 'busy-here' });
    const run = runExclusively(this.dataSource, this.name, work).finally(() => (this.running = null));
    this.running = run;
    return run;
  }

  /**
   * One timer tick: a run, or null when it failed, logged with `failure` and the reason as a warning
   * (the next tick tries again), so no job's timer ever meets a rejected promise.
   */
  async tick<T>(work: () => Promise<T>, logger: Logger, failure: string): Promise<ExclusiveRun<T> | null> {
    try {
      return await this.run(work);
    } catch (error) {
      logger.warn({ msg: failure, reason: safeErrorMessage(error) });
      return null;
    }
  }

  async settled(): Promise<void> {
    await this.running?.catch(() => undefined);
  }
}
