import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource } from 'typeorm';

import { OutboxRelay } from '@app/federation';
import { ExclusiveJob, ExclusiveRun } from '@app/platform';

import { CloseRound, SCHEDULE } from './close-round.use-case';

/** The job's name among every hub instance on the database: one of them runs each sweep. */
export const ROUND_CLOSER_JOB = 'hub.purchasing.close-due-rounds';

/**
 * Closes rounds at their closing time: looks every 5 seconds, on one hub instance at a time. The close
 * counts from the closing time itself, not from when this runs, and a commitment made after the closing
 * time is refused even while the round still shows open.
 */
@Injectable()
export class RoundCloser implements BeforeApplicationShutdown {
  private readonly logger = new Logger(RoundCloser.name);
  private readonly job: ExclusiveJob;

  constructor(
    private readonly dataSource: DataSource,
    private readonly closeRound: CloseRound,
    private readonly relay: OutboxRelay,
  ) {
    this.job = new ExclusiveJob(dataSource, ROUND_CLOSER_JOB);
  }

  /** One sweep, unless one is running here or on another instance; null when it failed (logged, the next one tries again). */
  @Interval('close-due-purchasing-rounds', 5_000)
  async sweep(): Promise<ExclusiveRun<number> | null> {
    return this.job.tick(() => this.closeDue(), this.logger, 'closing due purchasing rounds failed; will retry');
  }

  /**
   * Closes every open round whose closing time has come, each in its own transaction; the relay is nudged
   * once. Safe even if two ran at once: CloseRound locks the round and leaves it alone unless still open.
   */
  async closeDue(now = new Date()): Promise<number> {
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM purchasing_round WHERE state = 'open' AND closes_at <= $1 ORDER BY closes_at`,
      [now],
    );
    let closed = 0;
    for (const { id } of due) if (await this.closeRound.execute(id, SCHEDULE, now, true)) closed++;
    if (closed) this.relay.nudge();
    return closed;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.job.settled();
  }
}
