import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Clock, Principal } from '@app/platform';

import { TenderStore } from './tender.store';
import { tenderTransition } from './tender-stage.rules';
import { TenderingErrors } from './tendering.errors';

/**
 * Staff have reviewed the assembled bid and submit it to the council. Refused if no bid was
 * assembled, if an offer arrived after it was (assemble again), or if it covers no hours at all.
 * After this the allocation is what the council decides on; late offers are refused.
 */
@Injectable()
export class SubmitBid {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: TenderStore,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, by: Principal): Promise<{ stage: 'submitted'; submittedAt: string }> {
    return this.dataSource.transaction(async (m) => {
      const tender = await this.store.lockTender(m, id);
      const step = tenderTransition(tender.stage, 'submit');
      if ('violation' in step) throw TenderingErrors.stage(step.violation);
      if (!tender.assembledAt) throw TenderingErrors.notAssembled(tender.stage);
      const [{ latest, hours }] = await m.query(
        `SELECT (SELECT max(received_at) FROM tender_offer WHERE tender_id = $1) AS latest,
                (SELECT coalesce(sum(hours_per_week), 0)::int FROM tender_allocation WHERE tender_id = $1) AS hours`,
        [id],
      );
      if (latest && new Date(latest) > new Date(tender.assembledAt)) throw TenderingErrors.assemblyStale(tender.stage);
      if (hours === 0) throw TenderingErrors.emptyBid(tender.stage);
      const submittedAt = this.clock.now();
      await this.store.moveStage(m, tender, step.next, by.subject, null, { submitted_at: submittedAt });
      return { stage: 'submitted' as const, submittedAt: submittedAt.toISOString() };
    });
  }
}
