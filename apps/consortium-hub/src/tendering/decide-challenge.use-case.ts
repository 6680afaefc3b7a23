import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { OutboxRelay } from '@app/federation';
import { Clock, Principal } from '@app/platform';

import { MoveTenderByDate } from './move-tender-by-date.use-case';
import { outcomeRefusal } from './standstill.rules';
import { TenderStore } from './tender.store';
import { tenderTransition } from './tender-stage.rules';
import { ChallengeOutcomeDto } from './tendering.dto';
import { TenderingErrors } from './tendering.errors';

/**
 * Staff record a challenge's outcome. Dismissed or withdrawn: the hold is released, and if the
 * standstill is over and no other challenge is open the award becomes final now (MoveTenderByDate),
 * sending the contracts to the nodes. Upheld: the award decision is set aside; the contracts, which
 * never left the hub, are struck out with the lot decisions, and the tender is submitted again for
 * the council to decide anew (a new standstill follows its new decision).
 */
@Injectable()
export class DecideChallenge {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: TenderStore,
    private readonly byDate: MoveTenderByDate,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  async execute(tenderId: string, challengeId: string, dto: ChallengeOutcomeDto, by: Principal): Promise<{ stage: string }> {
    const stage = await this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const tender = await this.store.lockTender(m, tenderId);
      const [challenge]: { challenger: string; outcome: string | null }[] = await m.query(
        'SELECT challenger, outcome FROM tender_challenge WHERE id = $1 AND tender_id = $2 FOR UPDATE',
        [challengeId, tenderId],
      );
      if (!challenge) throw TenderingErrors.challengeNotFound(challengeId);
      const refusal = outcomeRefusal(challenge);
      if (refusal) throw TenderingErrors.challenge(refusal, tender.stage);
      const step = tenderTransition(tender.stage, dto.outcome === 'upheld' ? 'set-aside' : 'finalise');
      if ('violation' in step) throw TenderingErrors.stage(step.violation);
      await m.query('UPDATE tender_challenge SET outcome = $2, outcome_note = $3, outcome_at = $4, outcome_by = $5 WHERE id = $1', [
        challengeId,
        dto.outcome,
        dto.note,
        now,
        by.subject,
      ]);
      const note = `challenge by ${challenge.challenger} ${dto.outcome}`;
      if (dto.outcome !== 'upheld') {
        await this.store.recordStage(m, tenderId, tender.stage, tender.stage, by.subject, note);
        return (await this.byDate.takeDue(m, tender, now, by.subject)).finalise ? 'awarded' : tender.stage;
      }
      // Set aside: nothing was released during the standstill, so nothing on any node changes.
      await m.query('DELETE FROM tender_contract WHERE tender_id = $1 AND released_at IS NULL', [tenderId]);
      await m.query('DELETE FROM tender_lot_award WHERE tender_id = $1', [tenderId]);
      await this.store.moveStage(m, tender, step.next, by.subject, `${note}: the award decision is set aside`, {
        decided_at: null,
        standstill_ends_at: null,
        standstill_last_day: null,
      });
      return step.next;
    });
    this.relay.nudge();
    return { stage };
  }
}
