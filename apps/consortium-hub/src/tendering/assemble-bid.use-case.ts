import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { OutboxRelay } from '@app/federation';
import { Clock } from '@app/platform';

import { BidAssembler } from './bid-assembler.service';
import { BidView, TenderQueries } from './tender.queries';
import { TenderStore } from './tender.store';
import { tenderTransition } from './tender-stage.rules';
import { TenderingErrors } from './tendering.errors';

/**
 * Assembles the consortium's bid from the current offers (bid-assembly.rules.ts says how). Staff
 * may call it before the deadline to close offers early; AssembleDueBid does the same when offers close
 * by date. It can run again while the tender is assembling, e.g. after a late offer made before the
 * deadline arrived; each run replaces the allocation.
 *
 * Closing offers and assembling happen in one transaction, so a tender is never left assembling
 * without a bid; closing also tells every invited co-op (`tendering.offers-closed`), in the same
 * transaction, so nodes stop taking offers the hub would refuse.
 */
@Injectable()
export class AssembleBid {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: TenderStore,
    private readonly queries: TenderQueries,
    private readonly assembler: BidAssembler,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  /** Staff: closes offers first if the tender is still inviting (now, or at the deadline if it has passed), then assembles. */
  async execute(id: string, by: string): Promise<BidView> {
    const bid = await this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      let tender = await this.store.lockTender(m, id);
      if (tender.stage === 'inviting') tender = await this.assembler.closeOffers(m, tender, by, now);
      const step = tenderTransition(tender.stage, 'assemble');
      if ('violation' in step) throw TenderingErrors.stage(step.violation);
      await this.assembler.allocate(m, tender, now);
      return (await this.queries.bid(m, id))!;
    });
    this.relay.nudge();
    return bid;
  }
}
