import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { OutboxRelay } from '@app/federation';
import { Clock } from '@app/platform';

import { BidAssembler } from './bid-assembler.service';
import { TenderStore } from './tender.store';
import { dueForAssembly } from './tender-stage.rules';

/** The deadline job's part of AssembleBid: offers close at the deadline and the bid is assembled, once. */
@Injectable()
export class AssembleDueBid {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: TenderStore,
    private readonly assembler: BidAssembler,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  /**
   * The schedule: if the tender is still due (see `dueForAssembly`) once locked, closes its offers
   * at the deadline and assembles its bid in one transaction. False when there was nothing to do
   * (another hub instance, or staff, got there first, or the deadline was moved).
   */
  async execute(id: string): Promise<boolean> {
    const done = await this.dataSource.transaction(async (m) => {
      let tender = await this.store.lockTender(m, id);
      const now = this.clock.now();
      if (!dueForAssembly(tender, now)) return false;
      if (tender.stage === 'inviting') tender = await this.assembler.closeOffers(m, tender, 'schedule', now);
      await this.assembler.allocate(m, tender, now);
      return true;
    });
    if (done) this.relay.nudge();
    return done;
  }
}
