import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { OutboxRelay } from '@app/federation';
import { Clock, Principal } from '@app/platform';

import { splitLot } from './lot-change.rules';
import { LotRow, TenderStore } from './tender.store';
import { TenderInvitations } from './tender-invitations.service';
import { SplitLotDto } from './tendering.dto';
import { TenderingErrors } from './tendering.errors';
import type { LotChangeOutcome } from './update-lot.use-case';

/**
 * Splits a lot into smaller ones whose hours add up to it (see lot-change.rules.ts for when). Once
 * invitations have gone out, the offers on the lot are withdrawn and the co-ops that serve the parts
 * invited, all in one transaction with the split.
 */
@Injectable()
export class SplitLot {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: TenderStore,
    private readonly invitations: TenderInvitations,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  async execute(tenderId: string, lotId: string, dto: SplitLotDto, by: Principal): Promise<LotChangeOutcome> {
    const outcome = await this.dataSource.transaction(async (m) => {
      const { tender, lot } = await this.store.lockLotForChange(m, tenderId, lotId, this.clock.now());
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
}
