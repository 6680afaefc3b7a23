import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { TENDERING_CONTRACT_AWARDED_V1 } from '@app/contracts';
import { OutboxRelay, OutboxService } from '@app/federation';
import { Principal } from '@app/platform';

import { awardedHours, shareAward } from './award.rules';
import { TenderStore } from './tender.store';
import { TenderInvitations } from './tender-invitations.service';
import { stageAfterAward, tenderTransition } from './tender-stage.rules';
import { AwardDto } from './tendering.dto';
import { TenderingErrors } from './tendering.errors';

interface AllocationRow {
  lot_id: string;
  coop_id: string;
  tender_id: string;
  hours_per_week: number;
  price_pence_per_hour: number;
  local: boolean;
}

export interface AwardOutcome {
  stage: 'awarded' | 'lost';
  contracts: {
    contractId: string;
    lotId: string;
    lotReference: string;
    coopId: string;
    hoursPerWeek: number;
    pricePencePerHour: number;
    startsOn: string;
    endsOn: string;
  }[];
}

/**
 * Records the council's decision on each lot of the submitted bid. Awarded hours are shared among
 * the lot's co-ops (award.rules.ts) and become contracts, each sent to its co-op's node through the
 * durable path in the same transaction. Every other co-op with a live offer on the lot is told that
 * its offer came to nothing (`tendering.lot-lost`: the lot was lost, or won without it), so each node
 * knows the outcome of every offer it made and stops holding those hours back.
 */
@Injectable()
export class AwardTender {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: TenderStore,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelay,
    private readonly invitations: TenderInvitations,
  ) {}

  async execute(id: string, dto: AwardDto, by: Principal): Promise<AwardOutcome> {
    const outcome = await this.dataSource.transaction(async (m) => {
      const tender = await this.store.lockTender(m, id);
      const action = stageAfterAward(dto.lots.map((d) => d.outcome));
      const step = tenderTransition(tender.stage, action);
      if ('violation' in step) throw TenderingErrors.stage(step.violation);
      const lots = await this.store.openLots(m, id);
      const allocations: AllocationRow[] = await m.query('SELECT * FROM tender_allocation WHERE tender_id = $1', [id]);
      const bidHours = (lotId: string) => allocations.filter((a) => a.lot_id === lotId).reduce((s, a) => s + a.hours_per_week, 0);
      const offered: { lot_id: string; coop_id: string }[] = await m.query(
        'SELECT lot_id, coop_id FROM tender_offer WHERE tender_id = $1 AND superseded_at IS NULL AND withdrawn_at IS NULL AND hours_per_week > 0 ORDER BY coop_id',
        [id],
      );
      const hours = awardedHours(
        lots.map((l) => ({ lotId: l.id, reference: l.reference, bidHoursPerWeek: bidHours(l.id) })),
        dto.lots,
      );
      if (!(hours instanceof Map)) throw TenderingErrors.award(hours);
      const contracts: AwardOutcome['contracts'] = [];
      for (const lot of lots) {
        const decision = dto.lots.find((d) => d.lotId === lot.id)!;
        const awarded = hours.get(lot.id)!;
        await m.query(
          'INSERT INTO tender_lot_award (lot_id, tender_id, outcome, awarded_hours_per_week, decided_by) VALUES ($1, $2, $3, $4, $5)',
          [lot.id, id, decision.outcome, awarded, by.subject],
        );
        const mine = allocations
          .filter((a) => a.lot_id === lot.id)
          .map((a) => ({ coopId: a.coop_id, hoursPerWeek: a.hours_per_week, pricePencePerHour: a.price_pence_per_hour, local: a.local }));
        for (const share of shareAward(mine, awarded)) {
          const contractId = randomUUID();
          await m.query(
            'INSERT INTO tender_contract (id, tender_id, lot_id, coop_id, hours_per_week, price_pence_per_hour, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
            [contractId, id, lot.id, share.coopId, share.hoursPerWeek, share.pricePencePerHour, lot.startsOn, lot.endsOn],
          );
          await this.outbox.enqueue(
            m,
            TENDERING_CONTRACT_AWARDED_V1,
            {
              contractId,
              tenderId: id,
              lotId: lot.id,
              tenderTitle: tender.title,
              buyer: tender.buyer,
              locality: lot.locality,
              serviceType: lot.serviceType,
              hoursPerWeek: share.hoursPerWeek,
              pricePencePerHour: share.pricePencePerHour,
              startsOn: lot.startsOn,
              endsOn: lot.endsOn,
            },
            { coopId: share.coopId },
          );
          contracts.push({
            contractId,
            lotId: lot.id,
            lotReference: lot.reference,
            coopId: share.coopId,
            hoursPerWeek: share.hoursPerWeek,
            pricePencePerHour: share.pricePencePerHour,
            startsOn: lot.startsOn,
            endsOn: lot.endsOn,
          });
        }
        const won = new Set(contracts.filter((c) => c.lotId === lot.id).map((c) => c.coopId));
        for (const o of offered.filter((r) => r.lot_id === lot.id && !won.has(r.coop_id))) {
          await this.invitations.tellLost(m, id, lot.id, o.coop_id, decision.outcome === 'lost' ? 'lost' : 'not-allocated');
        }
      }
      await this.store.moveStage(m, tender, step.next, by.subject, null, { decided_at: new Date() });
      return { stage: step.next as 'awarded' | 'lost', contracts };
    });
    this.relay.nudge();
    return outcome;
  }
}
