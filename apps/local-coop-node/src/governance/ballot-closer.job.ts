import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource } from 'typeorm';

import { safeErrorMessage } from '@app/platform';

import { CloseBallot } from './close-ballot.use-case';

/** Closes ballots whose window has ended, every 30 seconds; results can also be asked for on demand. */
@Injectable()
export class BallotCloser {
  private readonly logger = new Logger(BallotCloser.name);
  private running = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly closeBallot: CloseBallot,
  ) {}

  @Interval('close-due-ballots', 30_000)
  async sweep(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.closeDue();
    } catch (error) {
      this.logger.warn({ msg: 'closing due ballots failed; will retry', reason: safeErrorMessage(error) });
    } finally {
      this.running = false;
    }
  }

  /** Closes every ballot whose window has ended, oldest first, each in its own transaction. */
  async closeDue(): Promise<number> {
    const due: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM ballot WHERE closed_at IS NULL AND closes_at <= now() ORDER BY closes_at',
    );
    for (const { id } of due) await this.closeBallot.execute(id);
    return due.length;
  }
}
