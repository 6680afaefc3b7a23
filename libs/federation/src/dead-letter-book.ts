import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { safeErrorMessage } from '@app/platform';

import { DeadLetter } from './entities';

interface Budget {
  windowStart: number;
  written: number;
  /** Whether `written` has been read from the database for this window (after a restart). */
  loaded: boolean;
  loading: Promise<void> | null;
  warned: boolean;
}

interface Summary {
  sender: string;
  windowStart: number;
  suppressed: number;
  firstSeen: Date;
  lastSeen: Date;
  sampleReason: string;
}

const FLUSH_MS = 1000;

/**
 * Where refused messages are written, within a budget per sender: at most `limit` dead-letter rows
 * per sender and window; beyond that a refusal costs no transaction of its own and is counted in
 * memory, and the counts are upserted into one `dead_letter_summary` row per sender and window about
 * once a second. A flood of junk is thus a few dozen rows and one summary, not thousands of rows.
 */
export class DeadLetterBook {
  private readonly logger = new Logger('DeadLetters');
  private readonly budgets = new Map<string, Budget>();
  private readonly summaries = new Map<string, Summary>();
  private flushTimer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** True while the sender is known to be over its budget in this window (no database needed to say so). */
  isOverBudget(sender: string): boolean {
    const b = this.budgets.get(sender);
    return !!b && b.windowStart === this.windowStart() && b.loaded && b.written >= this.limit;
  }

  /** Takes one row from the sender's budget: false when it is spent (then call `summarise`). */
  async take(sender: string): Promise<boolean> {
    const windowStart = this.windowStart();
    let b = this.budgets.get(sender);
    if (!b || b.windowStart !== windowStart) {
      b = { windowStart, written: 0, loaded: false, loading: null, warned: false };
      this.budgets.set(sender, b);
    }
    if (!b.loaded) {
      const budget = b;
      budget.loading ??= this.dataSource
        .query('SELECT count(*)::int AS n FROM dead_letter WHERE coop_id = $1 AND created_at >= $2', [sender, new Date(windowStart)])
        .then(([row]: { n: number }[]) => {
          budget.written += row.n;
          budget.loaded = true;
        })
        .finally(() => (budget.loading = null));
      await budget.loading;
    }
    if (b.written >= this.limit) {
      if (!b.warned) {
        b.warned = true;
        this.logger.warn({
          msg: 'dead letters from this sender over budget; further refusals in this window are counted in dead_letter_summary',
          coopId: sender,
          limit: this.limit,
          windowMs: this.windowMs,
        });
      }
      return false;
    }
    b.written++;
    return true;
  }

  /** Counts a refusal that is not written in full. Costs no database work now. */
  summarise(sender: string, reason: string): void {
    const windowStart = this.windowStart();
    const key = `${sender}\u0000${windowStart}`;
    const now = new Date();
    const s = this.summaries.get(key);
    if (s) {
      s.suppressed++;
      s.lastSeen = now;
    } else {
      this.summaries.set(key, { sender, windowStart, suppressed: 1, firstSeen: now, lastSeen: now, sampleReason: reason.slice(0, 500) });
    }
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = null;
      void this.flush();
    }, FLUSH_MS);
  }

  /** One row per bad message (same bytes, subject and reason): false when it was already there. */
  async write(m: EntityManager, row: Partial<DeadLetter>): Promise<boolean> {
    const inserted = await m.createQueryBuilder().insert().into(DeadLetter).values(row).orIgnore().returning('id').execute();
    return inserted.raw.length > 0;
  }

  /** Writes the counts gathered since the last flush; counts that cannot be written are kept for the next. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writeSummaries());
    return this.flushing;
  }

  async close(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    await this.flush();
  }

  private async writeSummaries(): Promise<void> {
    const batch = [...this.summaries.values()];
    this.summaries.clear();
    if (batch.length === 0) return;
    try {
      await this.dataSource.query(
        `INSERT INTO dead_letter_summary AS s (coop_id, window_start, suppressed, first_seen, last_seen, sample_reason)
         SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::int[], $4::timestamptz[], $5::timestamptz[], $6::text[])
         ON CONFLICT ON CONSTRAINT pk_dead_letter_summary DO UPDATE
           SET suppressed = s.suppressed + EXCLUDED.suppressed,
               first_seen = LEAST(s.first_seen, EXCLUDED.first_seen),
               last_seen = GREATEST(s.last_seen, EXCLUDED.last_seen)`,
        [
          batch.map((b) => b.sender),
          batch.map((b) => new Date(b.windowStart)),
          batch.map((b) => b.suppressed),
          batch.map((b) => b.firstSeen),
          batch.map((b) => b.lastSeen),
          batch.map((b) => b.sampleReason),
        ],
      );
    } catch (error) {
      for (const b of batch) {
        const key = `${b.sender}\u0000${b.windowStart}`;
        const later = this.summaries.get(key);
        this.summaries.set(key, later ? { ...b, suppressed: b.suppressed + later.suppressed, lastSeen: later.lastSeen } : b);
      }
      this.logger.warn({ msg: 'could not write the dead-letter summary; will retry', reason: safeErrorMessage(error) });
      this.flushTimer ??= setTimeout(() => {
        this.flushTimer = null;
        void this.flush();
      }, FLUSH_MS * 5);
    }
  }

  private windowStart(): number {
    return Math.floor(Date.now() / this.windowMs) * this.windowMs;
  }
}
