import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { OutboxRelay } from '@app/federation';
import { Clock, Principal } from '@app/platform';

import { TenderStore } from './tender.store';
import { TenderInvitations } from './tender-invitations.service';
import { tenderTransition } from './tender-stage.rules';
import { CancelTenderDto } from './tendering.dto';
import { TenderingErrors } from './tendering.errors';

/**
 * Cancels a tender that is not yet decided. Every co-op invited is told, lot by lot, that its
 * invitation and any offer are withdrawn, so no node keeps waiting on it.
 */
@Injectable()
export class CancelTender {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: TenderStore,
    private readonly invitations: TenderInvitations,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, dto: CancelTenderDto, by: Principal): Promise<{ stage: 'cancelled'; told: string[] }> {
    const outcome = await this.dataSource.transaction(async (m) => {
      const tender = await this.store.lockTender(m, id);
      const step = tenderTransition(tender.stage, 'cancel');
      if ('violation' in step) throw TenderingErrors.stage(step.violation);
      const told = new Set<string>();
      for (const lot of await this.store.openLots(m, id))
        for (const coop of await this.invitations.withdraw(m, lot, 'tender-cancelled')) told.add(coop);
      await this.store.moveStage(m, tender, step.next, by.subject, dto.reason, {
        cancelled_at: this.clock.now(),
        cancel_reason: dto.reason,
      });
      return { stage: 'cancelled' as const, told: [...told].sort() };
    });
    this.relay.nudge();
    return outcome;
  }
}
