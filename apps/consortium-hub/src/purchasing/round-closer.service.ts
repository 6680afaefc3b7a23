import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';

import { safeErrorMessage } from '@app/platform';

import { CloseRound } from './close-round.use-case';

/**
 * Closes rounds at their closing time: looks every 5 seconds. The close counts from the closing time
 * itself, not from when this runs, and a commitment made after the closing time is refused even
 * while the round still shows open.
 */
@Injectable()
export class RoundCloser {
  private readonly logger = new Logger(RoundCloser.name);
  private running = false;

  constructor(private readonly closeRound: CloseRound) {}

  @Interval('close-due-purchasing-rounds', 5_000)
  async sweep(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.closeRound.closeDue();
    } catch (error) {
      this.logger.warn({ msg: 'closing due purchasing rounds failed; will retry', reason: safeErrorMessage(error) });
    } finally {
      this.running = false;
    }
  }
}
