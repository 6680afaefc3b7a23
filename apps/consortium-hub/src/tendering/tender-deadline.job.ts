import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { safeErrorMessage } from '@app/platform';

import { AssembleDueBid } from './assemble-due-bid.use-case';

/** How often the hub looks for inviting tenders whose deadline has passed. */
export const DEADLINE_SWEEP_MS = 2_000;

/** At most this many tenders per sweep, so one sweep never holds the job for long; the rest wait two seconds. */
const SWEEP_BATCH = 50;

/**
 * Moves tenders by date: every couple of seconds, each inviting tender whose deadline has passed
 * stops taking offers and its bid is assembled, ready for staff to review, and any tender left
 * assembling without a bid is assembled. Each tender is closed and assembled in one transaction of
 * its own (AssembleDueBid), under a lock on the tender, so several hub instances sweeping at once
 * close each tender exactly once, and a tender that fails (logged) neither stops the others nor is
 * left half done: the next sweep tries it again.
 */
@Injectable()
export class TenderDeadlineJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TenderDeadlineJob.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly assemble: AssembleDueBid,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.sweep()
        .catch((e: Error) =>
          this.logger.warn({ msg: 'looking for tenders past their deadline failed; will retry', reason: safeErrorMessage(e) }),
        )
        .finally(() => (this.running = null));
    }, DEADLINE_SWEEP_MS);
  }

  /** Closes and assembles every tender due now, one at a time; returns the ids it assembled. */
  async sweep(): Promise<string[]> {
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
    await this.running;
  }
}
