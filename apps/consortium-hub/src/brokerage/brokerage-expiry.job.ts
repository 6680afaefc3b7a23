import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { OutboxRelay } from '@app/federation';
import { Clock, ExclusiveJob, ExclusiveRun, safeErrorMessage } from '@app/platform';

import { ExpireRequest } from './expire-request.use-case';

/** How often the hub looks for open requests past their deadline. */
export const EXPIRY_SWEEP_MS = 2_000;

/** The job's name among every hub instance on the database: one of them runs each sweep. */
export const BROKERAGE_EXPIRY_JOB = 'hub.brokerage.expiry';

const SWEEP_BATCH = 100;

/**
 * Expires open package requests whose deadline for answers has passed, by the injected Clock (so a
 * test sets the time and calls sweep() instead of waiting). Each request in a transaction of its
 * own (ExpireRequest), under its lock; one hub instance sweeps at a time (ExclusiveJob). A request
 * that fails is logged and tried again by the next sweep.
 */
@Injectable()
export class BrokerageExpiryJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(BrokerageExpiryJob.name);
  private readonly job: ExclusiveJob;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly expire: ExpireRequest,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {
    this.job = new ExclusiveJob(dataSource, BROKERAGE_EXPIRY_JOB);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), EXPIRY_SWEEP_MS);
  }

  /** One sweep, unless one is running here or on another instance; null when it failed (logged). */
  async sweep(): Promise<ExclusiveRun<string[]> | null> {
    return this.job.tick(() => this.expireDue(), this.logger, 'looking for package requests past their deadline failed; will retry');
  }

  async expireDue(): Promise<string[]> {
    const due: { id: string }[] = await this.dataSource.query(
      "SELECT id FROM brokerage_request WHERE status = 'open' AND answer_by <= $1 ORDER BY answer_by, id LIMIT $2",
      [this.clock.now(), SWEEP_BATCH],
    );
    const expired: string[] = [];
    for (const { id } of due) {
      try {
        if (await this.expire.execute(id)) expired.push(id);
      } catch (e) {
        this.logger.error({
          msg: 'expiring a package request failed; the next sweep tries again',
          requestId: id,
          reason: safeErrorMessage(e),
        });
      }
    }
    if (expired.length) {
      this.relay.nudge();
      this.logger.log({ msg: 'package requests expired at their deadline', count: expired.length });
    }
    return expired;
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.job.settled();
  }
}
