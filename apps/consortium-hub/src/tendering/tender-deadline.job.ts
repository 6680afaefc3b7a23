import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Clock, ExclusiveJob, ExclusiveRun, safeErrorMessage } from '@app/platform';

import { AssembleDueBid } from './assemble-due-bid.use-case';
import { MoveTenderByDate } from './move-tender-by-date.use-case';

/** How often the hub looks for tenders with a date passed. */
export const DEADLINE_SWEEP_MS = 2_000;

/** The job's name among every hub instance on the database: one of them runs each sweep. */
export const TENDER_DEADLINE_JOB = 'hub.tendering.deadlines';

/** At most this many tenders per sweep, so one sweep never holds the job for long; the rest wait two seconds. */
const SWEEP_BATCH = 50;

/** Tenders with a dated step due at $1 (the Clock's now): see `datedSteps` in tender-stage.rules.ts. */
const DATED_SQL = `
  SELECT t.id FROM tender t
   WHERE (t.enquiry_ends_at <= $1 AND t.enquiries_closed_at IS NULL AND t.stage IN ('inviting', 'assembling', 'submitted'))
      OR (t.stage = 'inviting' AND EXISTS (
            SELECT 1 FROM tender_lot l WHERE l.tender_id = t.id AND l.status = 'open' AND l.deadline <= $1 AND l.offers_closed_at IS NULL))
      OR (t.stage = 'standstill' AND t.standstill_ends_at <= $1
          AND NOT EXISTS (SELECT 1 FROM tender_challenge c WHERE c.tender_id = t.id AND c.outcome IS NULL))
   ORDER BY t.id LIMIT $2`;

/** Tenders to close at their deadline and assemble, or left assembling without a bid. */
const DUE_SQL = `
  SELECT id FROM tender
   WHERE (stage = 'inviting' AND deadline <= $1) OR (stage = 'assembling' AND assembled_at IS NULL)
   ORDER BY deadline, id LIMIT $2`;

export interface SweepOutcome {
  /** Tenders that took a dated step (enquiries closed, a lot closed, an award made final). */
  moved: string[];
  /** Tenders closed at their deadline and assembled. */
  assembled: string[];
}

/**
 * Moves tenders by date, going by the app's Clock (never PostgreSQL's): every couple of seconds the
 * enquiry periods that have ended are closed, lots past their own deadline close for offers, each
 * inviting tender whose deadline has passed stops taking offers and has its bid assembled (and any
 * tender left assembling without a bid is assembled), and each standstill that has ended with no
 * challenge open makes its award final, sending the contracts to the nodes. Each tender is handled in
 * one transaction of its own under a lock on it. One hub instance at a time sweeps (ExclusiveJob);
 * should two sweeps overlap anyway, the lock and the checks made under it still take each step
 * exactly once. A tender that fails (logged) neither stops the others nor is left half done: the
 * next sweep tries it again.
 */
@Injectable()
export class TenderDeadlineJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TenderDeadlineJob.name);
  private readonly job: ExclusiveJob;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly assemble: AssembleDueBid,
    private readonly byDate: MoveTenderByDate,
    private readonly clock: Clock,
  ) {
    this.job = new ExclusiveJob(dataSource, TENDER_DEADLINE_JOB);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), DEADLINE_SWEEP_MS);
  }

  /** One sweep, unless one is running here or on another instance; null when it failed (logged, the next one tries again). */
  async sweep(): Promise<ExclusiveRun<SweepOutcome> | null> {
    return this.job.tick(
      async () => ({ moved: await this.moveDue(), assembled: await this.assembleDue() }),
      this.logger,
      'looking for tenders with a date passed failed; will retry',
    );
  }

  /** Takes the dated steps due now, one tender at a time; returns the ids that took one. */
  async moveDue(): Promise<string[]> {
    const due: { id: string }[] = await this.dataSource.query(DATED_SQL, [this.clock.now(), SWEEP_BATCH]);
    return this.each(due, 'a dated step', async (id) => {
      const steps = await this.byDate.execute(id);
      const took = steps.closeEnquiries || steps.closeLots.length > 0 || steps.finalise;
      if (took) this.logger.log({ msg: 'tender moved by date', tenderId: id, ...steps });
      return took;
    });
  }

  /** Closes and assembles every tender due now, one at a time; returns the ids it assembled. */
  async assembleDue(): Promise<string[]> {
    const due: { id: string }[] = await this.dataSource.query(DUE_SQL, [this.clock.now(), SWEEP_BATCH]);
    return this.each(due, 'closing a tender at its deadline', async (id) => {
      if (!(await this.assemble.execute(id))) return false;
      this.logger.log({ msg: 'tender closed for offers at its deadline and its bid assembled', tenderId: id });
      return true;
    });
  }

  private async each(due: { id: string }[], what: string, step: (id: string) => Promise<boolean>): Promise<string[]> {
    const done: string[] = [];
    for (const { id } of due) {
      try {
        if (await step(id)) done.push(id);
      } catch (e) {
        this.logger.error({ msg: `${what} failed; the next sweep tries again`, tenderId: id, reason: safeErrorMessage(e) });
      }
    }
    return done;
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.job.settled();
  }
}
