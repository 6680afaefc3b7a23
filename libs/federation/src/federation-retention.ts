import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DataSource, QueryRunner } from 'typeorm';

import { runExclusively, safeErrorMessage } from '@app/platform';

import { FederationMetrics } from './federation-metrics';
import { FEDERATION_OPTIONS, FederationOptions } from './federation-options';
import { RetentionCutoffs, retentionCutoffs } from './retention.rules';

/** The tables the job purges: the label of `ccm_retention_purged_total`. */
export type RetentionTable = 'outbox_message' | 'inbox_message' | 'inbox_attempt' | 'dead_letter' | 'dead_letter_summary';

export type RetentionReport = Record<RetentionTable, number>;

/** The sweep's job name: one instance sweeps at a time, however many share the database (runExclusively). */
export const RETENTION_JOB = 'federation.retention';

/** Rows one statement deletes: small enough that a first sweep after a year never holds a long lock. */
export const RETENTION_BATCH = 5000;

interface Purge {
  table: RetentionTable;
  /** Deletes up to $2 rows older than $1 (and, for the outbox, not of the kept types, $3). */
  sql: string;
  before: (c: RetentionCutoffs) => Date;
}

const PURGES: Purge[] = [
  {
    table: 'outbox_message',
    // Only settled rows: a pending or published row is a message still owed to its receiver.
    sql: `DELETE FROM outbox_message WHERE id IN (
            SELECT id FROM outbox_message
             WHERE status IN ('confirmed', 'rejected') AND settled_at < $1 AND type <> ALL($3::text[])
             LIMIT $2)`,
    before: (c) => c.outboxSettledBefore,
  },
  {
    table: 'inbox_message',
    sql: `DELETE FROM inbox_message WHERE message_id IN (SELECT message_id FROM inbox_message WHERE received_at < $1 LIMIT $2)`,
    before: (c) => c.inboxReceivedBefore,
  },
  {
    table: 'inbox_attempt',
    sql: `DELETE FROM inbox_attempt WHERE message_key IN (SELECT message_key FROM inbox_attempt WHERE last_failed_at < $1 LIMIT $2)`,
    before: (c) => c.inboxReceivedBefore,
  },
  {
    table: 'dead_letter',
    sql: `DELETE FROM dead_letter WHERE id IN (SELECT id FROM dead_letter WHERE created_at < $1 LIMIT $2)`,
    before: (c) => c.deadLetterBefore,
  },
  {
    table: 'dead_letter_summary',
    sql: `DELETE FROM dead_letter_summary WHERE (coop_id, window_start) IN (
            SELECT coop_id, window_start FROM dead_letter_summary WHERE window_start < $1 LIMIT $2)`,
    before: (c) => c.deadLetterBefore,
  },
];

/**
 * Purges, on a schedule, what the delivery guarantees no longer need, so a database after a year of
 * traffic is the size of its records and not of its message history (docs/durable-delivery.md,
 * "What is kept, and for how long"): settled outbox rows after OUTBOX_RETENTION_DAYS (except the types
 * a feature reads as its record), inbox ids and failure counts after INBOX_RETENTION_DAYS (safe
 * because the inbox refuses any message made before its horizon), dead letters and their summaries
 * after DEAD_LETTER_RETENTION_DAYS. Each statement deletes at most a batch and commits on its own.
 * Works in the main pool, so the relay's small pool is never held by a sweep.
 */
@Injectable()
export class FederationRetention {
  private readonly logger = new Logger(FederationRetention.name);
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    @Inject(FEDERATION_OPTIONS) private readonly options: FederationOptions,
    private readonly dataSource: DataSource,
    @Optional() private readonly metrics?: FederationMetrics,
  ) {}

  /** Sweeps a minute after start (or sooner, with a shorter interval), then every FEDERATION_RETENTION_SWEEP_MS. */
  start(): void {
    const every = this.options.config.FEDERATION_RETENTION_SWEEP_MS;
    this.stopped = false;
    this.schedule(Math.min(60_000, every), every);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.sweeping;
  }

  /**
   * One sweep: what each table lost, or null when another instance is sweeping. Never throws for a
   * failed purge: the next sweep takes up where this one stopped.
   */
  async sweep(now = new Date(), batch = RETENTION_BATCH): Promise<RetentionReport | null> {
    const run = await runExclusively(this.dataSource, RETENTION_JOB, async () => {
      const runner = this.dataSource.createQueryRunner();
      try {
        return await this.purgeAll(runner, retentionCutoffs(now, this.options.config), batch);
      } finally {
        await runner.release().catch(() => undefined);
      }
    });
    return run.ran ? run.result : null;
  }

  private async purgeAll(runner: QueryRunner, cutoffs: RetentionCutoffs, batch: number): Promise<RetentionReport> {
    const kept = [...(this.options.outboxRecordTypes ?? [])];
    const report = Object.fromEntries(PURGES.map((p) => [p.table, 0])) as RetentionReport;
    for (const purge of PURGES) {
      const params: unknown[] = [purge.before(cutoffs), batch, ...(purge.table === 'outbox_message' ? [kept] : [])];
      try {
        for (;;) {
          const { affected } = await runner.query(purge.sql, params, true);
          const n = affected ?? 0;
          report[purge.table] += n;
          this.metrics?.purged(purge.table, n);
          if (n < batch || this.stopped) break;
        }
      } catch (error) {
        this.logger.warn({ msg: 'retention purge failed; the next sweep retries', table: purge.table, reason: safeErrorMessage(error) });
      }
    }
    if (Object.values(report).some((n) => n > 0)) this.logger.log({ msg: 'retention sweep purged rows', ...report });
    return report;
  }

  private schedule(delayMs: number, everyMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.sweeping = this.sweep()
        .catch((error: unknown) => this.logger.warn({ msg: 'retention sweep failed; will retry', reason: safeErrorMessage(error) }))
        .finally(() => this.schedule(everyMs, everyMs));
    }, delayMs);
    this.timer.unref();
  }
}
