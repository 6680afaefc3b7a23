import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource } from 'typeorm';

import { ExclusiveJob, ExclusiveRun } from '@app/platform';

import { CloseBallot } from './close-ballot.use-case';

/** The job's name among every process on the node's database: one of them runs each sweep. */
export const BALLOT_CLOSER_JOB = 'node.governance.close-due-ballots';

/**
 * Closes ballots whose window has ended, every 30 seconds, in one process at a time should a co-op run
 * its node twice on one database; results can also be asked for on demand.
 */
@Injectable()
export class BallotCloser implements BeforeApplicationShutdown {
  private readonly logger = new Logger(BallotCloser.name);
  private readonly job: ExclusiveJob;

  constructor(
    private readonly dataSource: DataSource,
    private readonly closeBallot: CloseBallot,
  ) {
    this.job = new ExclusiveJob(dataSource, BALLOT_CLOSER_JOB);
  }

  /** One sweep, unless one is running here or in another process; null when it failed (logged, the next one tries again). */
  @Interval('close-due-ballots', 30_000)
  async sweep(): Promise<ExclusiveRun<number> | null> {
    return this.job.tick(() => this.closeDue(), this.logger, 'closing due ballots failed; will retry');
  }

  /**
   * Closes every ballot whose window has ended, oldest first, each in its own transaction. Safe even if
   * two ran at once: CloseBallot locks the ballot and returns the result already counted.
   */
  async closeDue(): Promise<number> {
    const due: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM ballot WHERE closed_at IS NULL AND closes_at <= now() ORDER BY closes_at',
    );
    for (const { id } of due) await this.closeBallot.execute(id);
    return due.length;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.job.settled();
  }
}
