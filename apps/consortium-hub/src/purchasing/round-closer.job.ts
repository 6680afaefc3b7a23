import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource } from 'typeorm';

import { OutboxRelay } from '@app/federation';
import { safeErrorMessage } from '@app/platform';

import { CloseRound, SCHEDULE } from './close-round.use-case';

/**
 * Closes rounds at their closing time: looks every 5 seconds. The close counts from the closing time
 * itself, not from when this runs, and a commitment made after the closing time is refused even
 * while the round still shows open.
 */
@Injectable()
export class RoundCloser {
  private readonly logger = new Logger(RoundCloser.name);
  private running = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly closeRound: CloseRound,
    private readonly relay: OutboxRelay,
  ) {}

  @Interval('close-due-purchasing-rounds', 5_000)
  async sweep(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.closeDue();
    } catch (error) {
      this.logger.warn({ msg: 'closing due purchasing rounds failed; will retry', reason: safeErrorMessage(error) });
    } finally {
      this.running = false;
    }
  }

  /** Closes every open round whose closing time has come, each in its own transaction; the relay is nudged once. */
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
}
