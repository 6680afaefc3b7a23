import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { OutboxRelay } from '@app/federation';
import { Clock } from '@app/platform';

import { TenderRow, TenderStore } from './tender.store';
import { TenderContractRelease } from './tender-contract-release.service';
import { DatedSteps, datedSteps, tenderTransition } from './tender-stage.rules';
import { TenderingErrors } from './tendering.errors';

/** Who the history says took a dated step. */
export const SCHEDULE = 'schedule';

/**
 * The steps a tender's dates take by themselves, besides closing it at its deadline (AssembleDueBid):
 * the enquiry period ends, a lot closes for offers at its own deadline, and a standstill that has
 * ended with no challenge open makes the award final, releasing the contracts to the nodes. Each step
 * is taken once, under a lock on the tender, and written in its history; the time is the app's Clock.
 */
@Injectable()
export class MoveTenderByDate {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: TenderStore,
    private readonly release: TenderContractRelease,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  /** Takes whatever is due on the tender now; what it took (nothing, when someone got there first). */
  async execute(id: string, by = SCHEDULE): Promise<DatedSteps> {
    const steps = await this.dataSource.transaction(async (m) => {
      const tender = await this.store.lockTender(m, id);
      return this.takeDue(m, tender, this.clock.now(), by);
    });
    if (steps.finalise) this.relay.nudge();
    return steps;
  }

  /** Inside the caller's transaction, with the tender locked. */
  async takeDue(m: EntityManager, tender: TenderRow, now: Date, by: string): Promise<DatedSteps> {
    const lots = await this.store.openLots(m, tender.id);
    const [{ open }]: { open: number }[] = await m.query(
      'SELECT count(*)::int AS open FROM tender_challenge WHERE tender_id = $1 AND outcome IS NULL',
      [tender.id],
    );
    const steps = datedSteps({ ...tender, openChallenges: open, lots }, now);
    if (steps.closeEnquiries) {
      await m.query('UPDATE tender SET enquiries_closed_at = enquiry_ends_at WHERE id = $1', [tender.id]);
      const note = `enquiry period ended at ${tender.enquiryEndsAt!.toISOString()}`;
      await this.store.recordStage(m, tender.id, tender.stage, tender.stage, by, note);
    }
    for (const lot of lots.filter((l) => steps.closeLots.includes(l.id))) {
      await m.query('UPDATE tender_lot SET offers_closed_at = deadline WHERE id = $1', [lot.id]);
      const note = `lot ${lot.reference} closed for offers at its deadline ${lot.deadline!.toISOString()}`;
      await this.store.recordStage(m, tender.id, tender.stage, tender.stage, by, note);
    }
    if (steps.finalise) {
      const step = tenderTransition(tender.stage, 'finalise');
      if ('violation' in step) throw TenderingErrors.stage(step.violation);
      const released = await this.release.release(m, tender, now);
      const note = `standstill ended at ${tender.standstillEndsAt!.toISOString()} with no challenge open: ${released.length} contracts final and sent`;
      await this.store.moveStage(m, tender, step.next, by, note, { final_at: now });
    }
    return steps;
  }
}
