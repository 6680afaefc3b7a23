import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { ExclusiveJob, ExclusiveRun, safeErrorMessage } from '@app/platform';

import { AssembleDueBid } from './assemble-due-bid.use-case';

/** How often the hub looks for inviting tenders whose deadline has passed. */
export const DEADLINE_SWEEP_MS = 2_000;

/** The job's name among every hub instance on the database: one of them runs each sweep. */
export const TENDER_DEADLINE_JOB = 'hub.tendering.deadlines';

/** At most this many tenders per sweep, so one sweep never holds the job for long; the rest wait two seconds. */
const SWEEP_BATCH = 50;

/**
 * Moves tenders by date: every couple of seconds, each inviting tender whose deadline has passed
 * stops taking offers and its bid is assembled, ready for staff to review, and any tender left
 * assembling without a bid is assembled. Each tender is closed and assembled in one transaction of
 * its own (AssembleDueBid), under a lock on the tender. One hub instance at a time sweeps
 * (ExclusiveJob); should two sweeps overlap anyway, the lock and the check made under it still close
 * each tender exactly once. A tender that fails (logged) neither stops the others nor is
 * left half done: the next sweep tries it again.
 */
@Injectable()
export class TenderDeadlineJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TenderDeadlineJob.name);
  private readonly job: ExclusiveJob;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly assemble: AssembleDueBid,
  ) {
    this.job = new ExclusiveJob(dataSource, TENDER_DEADLINE_JOB);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), DEADLINE_SWEEP_MS);
  }

  /** One sweep, unless one is running here or on another instance; null when it failed (logged, the next one tries again). */
  async sweep(): Promise<ExclusiveRun<string[]> | null> {
    try {
      return await this.job.run(() => this.assembleDue());
    } catch (e) {
      this.logger.warn({ msg: 'looking for tenders past their deadline failed; will retry', reason: safeErrorMessage(e) });
      return null;
    }
  }

  /** Closes and assembles every tender due now, one at a time; returns the ids it assembled. */
  async assembleDue(): Promise<string[]> {
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM tender
        WHERE (stage = 'inviting' AND deadline <= now()) OR (stage = 'assembling' AND assembled_at IS NULL)
        ORDER BY deadline, id LIMIT $1`,
      [SWEEP_BATCH],
    );
    const assembled: string[] = [];
    for (const { id } of due) {
      try {
        if (!(await this.assemble.execute(id))) continue;
        assembled.push(id);
        this.logger.log({ msg: 'tender closed for offers at its deadline and its bid assembled', tenderId: id });
      } catch (e) {
        this.logger.error({
          msg: 'closing a tender at its deadline failed; the next sweep tries again',
          tenderId: id,
          reason: safeErrorMessage(e),
        });
      }
    }
    return assembled;
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.job.settled();
  }
}
