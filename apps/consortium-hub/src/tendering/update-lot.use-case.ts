import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { OutboxRelay } from '@app/federation';
import { Clock, Principal } from '@app/platform';

import { changedTerms, lotDeadlineProblem, LotTerms, lotTermsProblem } from './lot-change.rules';
import { TenderStore } from './tender.store';
import { TenderInvitations } from './tender-invitations.service';
import { UpdateLotDto } from './tendering.dto';
import { TenderingErrors } from './tendering.errors';

export interface LotChangeOutcome {
  lots: { id: string; reference: string; version: number }[];
  /** Co-ops whose invitation (and any offer) on the old terms was withdrawn. */
  withdrawnFrom: string[];
  /** Co-ops invited to the new terms, by lot id. */
  invited: Record<string, string[]>;
}

/**
 * Edits a lot's terms (see lot-change.rules.ts for when). Once invitations have gone out, the
 * offers on the lot are withdrawn and the co-ops that serve the new terms re-invited, all in one
 * transaction with the change.
 */
@Injectable()
export class UpdateLot {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: TenderStore,
    private readonly invitations: TenderInvitations,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  async execute(tenderId: string, lotId: string, dto: UpdateLotDto, by: Principal): Promise<LotChangeOutcome> {
    const outcome = await this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const { tender, lot } = await this.store.lockLotForChange(m, tenderId, lotId, now);
      const { deadline: newDeadline, ...patch } = dto;
      const terms: LotTerms = { ...lot, ...stripUndefined(patch) };
      const problem = lotTermsProblem(terms);
      if (problem) throw TenderingErrors.lot(problem);
      // A new deadline alone changes no terms: the offers made stand, and the co-ops get the new timetable.
      if (newDeadline !== undefined) {
        const deadline = new Date(newDeadline);
        const bad = lotDeadlineProblem(lot.reference, deadline, tender.deadline, now);
        if (bad) throw TenderingErrors.lot(bad);
        await m.query('UPDATE tender_lot SET deadline = $2 WHERE id = $1', [lot.id, deadline]);
        const note = `lot ${lot.reference}'s deadline set to ${deadline.toISOString()}`;
        await this.store.recordStage(m, tender.id, tender.stage, tender.stage, by.subject, note);
      }
      const changed = changedTerms(lot, patch);
      if (changed.length === 0) {
        if (newDeadline !== undefined && tender.stage === 'inviting') await this.invitations.resend(m, tender);
        return { lots: [{ id: lot.id, reference: lot.reference, version: lot.version }], withdrawnFrom: [], invited: {} };
      }
      // TypeORM answers an UPDATE ... RETURNING with [rows, count].
      const [[row]] = await m.query(
        `UPDATE tender_lot SET title = $2, locality = $3, service_type = $4, hours_per_week = $5, ceiling_pence_per_hour = $6, starts_on = $7, ends_on = $8,
                version = version + 1, changed_at = now()
          WHERE id = $1 RETURNING version`,
        [
          lot.id,
          terms.title,
          terms.locality,
          terms.serviceType,
          terms.hoursPerWeek,
          terms.ceilingPencePerHour,
          terms.startsOn,
          terms.endsOn,
        ],
      );
      const note = `lot ${lot.reference} changed (${changed.join(', ')}), now version ${row.version}`;
      await this.store.recordStage(m, tender.id, tender.stage, tender.stage, by.subject, note);
      if (tender.stage === 'draft')
        return { lots: [{ id: lot.id, reference: lot.reference, version: row.version }], withdrawnFrom: [], invited: {} };
      const withdrawnFrom = await this.invitations.withdraw(m, lot, 'lot-changed');
      const updated = await this.store.lot(m, tender.id, lot.id);
      const invited = await this.invitations.invite(m, tender, [updated], { reinvitation: true });
      return {
        lots: [{ id: lot.id, reference: lot.reference, version: updated.version }],
        withdrawnFrom,
        invited: Object.fromEntries(invited),
      };
    });
    this.relay.nudge();
    return outcome;
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
