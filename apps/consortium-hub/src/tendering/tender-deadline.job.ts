import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AssembleBid } from './assemble-bid.use-case';

/** How often the hub looks for inviting tenders whose deadline has passed. */
export const DEADLINE_SWEEP_MS = 2_000;

/**
 * Moves tenders by date: every couple of seconds, each inviting tender whose deadline has passed
 * stops taking offers and its bid is assembled, ready for staff to review. The move is one guarded
 * UPDATE, so several hub instances sweeping at once close each tender exactly once.
 */
@Injectable()
export class TenderDeadlineJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TenderDeadlineJob.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly assemble: AssembleBid,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.sweep()
        .catch((e: Error) => this.logger.warn({ msg: 'closing tenders at their deadline failed; will retry', reason: e.message }))
        .finally(() => (this.running = null));
    }, DEADLINE_SWEEP_MS);
  }

  /** Closes every tender due now and assembles its bid; returns the ids closed. */
  async sweep(): Promise<string[]> {
    const closed: { tender_id: string }[] = await this.dataSource.query(
      `WITH due AS (
         UPDATE tender SET stage = 'assembling', offers_closed_at = deadline, updated_at = now()
          WHERE stage = 'inviting' AND deadline <= now()
         RETURNING id)
       INSERT INTO tender_stage_change (tender_id, from_stage, to_stage, changed_by, note)
       SELECT id, 'inviting', 'assembling', 'schedule', 'offers closed at the deadline' FROM due
       RETURNING tender_id`,
    );
    for (const { tender_id } of closed) {
      this.logger.log({ msg: 'tender closed for offers at its deadline', tenderId: tender_id });
      await this.assemble.execute(tender_id, 'schedule');
    }
    return closed.map((c) => c.tender_id);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
