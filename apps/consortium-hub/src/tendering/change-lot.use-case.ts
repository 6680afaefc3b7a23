import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { OutboxRelay } from '@app/federation';
import { Principal } from '@app/platform';

import { changedTerms, lotChangeRefusal, LotTerms, lotTermsProblem, splitLot } from './lot-change.rules';
import { LotRow, TenderRow, TenderStore } from './tender.store';
import { TenderInvitations } from './tender-invitations';
import { SplitLotDto, UpdateLotDto } from './tendering.dto';
import { TenderingErrors } from './tendering.errors';

export interface LotChangeOutcome {
  lots: { id: string; reference: string; version: number }[];
  /** Co-ops whose invitation (and any offer) on the old terms was withdrawn. */
  withdrawnFrom: string[];
  /** Co-ops invited to the new terms, by lot id. */
  invited: Record<string, string[]>;
}

/**
 * Edits or splits a lot (see lot-change.rules.ts for when). Once invitations have gone out, the
 * offers on the lot are withdrawn and the co-ops that serve the new terms re-invited, all in one
 * transaction with the change.
 */
@Injectable()
export class ChangeLot {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: TenderStore,
    private readonly invitations: TenderInvitations,
    private readonly relay: OutboxRelay,
  ) {}

  async update(tenderId: string, lotId: string, dto: UpdateLotDto, by: Principal): Promise<LotChangeOutcome> {
    const outcome = await this.dataSource.transaction(async (m) => {
      const { tender, lot } = await this.lockForChange(m, tenderId, lotId);
      const terms: LotTerms = { ...lot, ...stripUndefined(dto) };
      const problem = lotTermsProblem(terms);
      if (problem) throw TenderingErrors.lot(problem);
      const changed = changedTerms(lot, dto);
      if (changed.length === 0)
        return { lots: [{ id: lot.id, reference: lot.reference, version: lot.version }], withdrawnFrom: [], invited: {} };
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

  async split(tenderId: string, lotId: string, dto: SplitLotDto, by: Principal): Promise<LotChangeOutcome> {
    const outcome = await this.dataSource.transaction(async (m) => {
      const { tender, lot } = await this.lockForChange(m, tenderId, lotId);
      const parts = splitLot(lot, dto.parts);
      if (!Array.isArray(parts)) throw TenderingErrors.lot(parts);
      const taken = new Set((await this.store.lots(m, tender.id)).map((l) => l.reference));
      const clash = parts.find((p) => taken.has(p.reference));
      if (clash) throw TenderingErrors.duplicateReference(clash.reference);
      const children: LotRow[] = [];
      for (const part of parts) {
        const id = randomUUID();
        await this.store.insertLot(m, {
          ...lot,
          id,
          reference: part.reference,
          title: part.title,
          hoursPerWeek: part.hoursPerWeek,
          parentLotId: lot.id,
        });
        children.push(await this.store.lot(m, tender.id, id));
      }
      await m.query(`UPDATE tender_lot SET status = 'split', changed_at = now() WHERE id = $1`, [lot.id]);
      await this.store.recordStage(
        m,
        tender.id,
        tender.stage,
        tender.stage,
        by.subject,
        `lot ${lot.reference} split into ${parts.map((p) => `${p.reference} (${p.hoursPerWeek} h)`).join(', ')}`,
      );
      const lots = children.map((c) => ({ id: c.id, reference: c.reference, version: c.version }));
      if (tender.stage === 'draft') return { lots, withdrawnFrom: [], invited: {} };
      const withdrawnFrom = await this.invitations.withdraw(
        m,
        lot,
        'lot-split',
        children.map((c) => c.id),
      );
      const invited = await this.invitations.invite(m, tender, children, { reinvitation: true });
      return { lots, withdrawnFrom, invited: Object.fromEntries(invited) };
    });
    this.relay.nudge();
    return outcome;
  }

  private async lockForChange(m: EntityManager, tenderId: string, lotId: string): Promise<{ tender: TenderRow; lot: LotRow }> {
    const tender = await this.store.lockTender(m, tenderId);
    const refusal = lotChangeRefusal(tender.stage, tender.deadline, new Date());
    if (refusal) throw TenderingErrors.lot(refusal);
    const lot = await this.store.lot(m, tenderId, lotId);
    if (lot.status === 'split')
      throw TenderingErrors.lot({
        rule: 'TENDERING.LOT_ALREADY_SPLIT',
        kind: 'conflict',
        message: `lot ${lot.reference} was split: change its parts instead`,
      });
    return { tender, lot };
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
