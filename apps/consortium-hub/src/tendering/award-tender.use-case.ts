import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { OutboxRelay } from '@app/federation';
import { Clock, Principal } from '@app/platform';

import { awardedHours, shareAward } from './award.rules';
import { standstillOf } from './standstill.rules';
import { TenderStore } from './tender.store';
import { TenderContractRelease } from './tender-contract-release.service';
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
  stage: 'standstill' | 'lost';
  standstillEndsAt: string | null;
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
 * the lot's co-ops (award.rules.ts) and become contracts, held on the hub: a decision that wins
 * anything starts the Procurement Act 2023's standstill (standstill.rules.ts), and only when it ends
 * with no challenge open do the contracts become final and go to the nodes (FinaliseAward). A tender
 * lost outright has nothing to hold: every co-op that offered is told at once (`tendering.lot-lost`).
 */
@Injectable()
export class AwardTender {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: TenderStore,
    private readonly relay: OutboxRelay,
    private readonly release: TenderContractRelease,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, dto: AwardDto, by: Principal): Promise<AwardOutcome> {
    const outcome = await this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const tender = await this.store.lockTender(m, id);
      const action = stageAfterAward(dto.lots.map((d) => d.outcome));
      const step = tenderTransition(tender.stage, action);
      if ('violation' in step) throw TenderingErrors.stage(step.violation);
      const lots = await this.store.openLots(m, id);
      const allocations: AllocationRow[] = await m.query('SELECT * FROM tender_allocation WHERE tender_id = $1', [id]);
      const bidHours = (lotId: string) => allocations.filter((a) => a.lot_id === lotId).reduce((s, a) => s + a.hours_per_week, 0);
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
          'INSERT INTO tender_lot_award (lot_id, tender_id, outcome, awarded_hours_per_week, decided_at, decided_by) VALUES ($1, $2, $3, $4, $5, $6)',
          [lot.id, id, decision.outcome, awarded, now, by.subject],
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
      }
      if (step.next === 'standstill') {
        const standstill = standstillOf(now);
        await this.store.moveStage(
          m,
          tender,
          step.next,
          by.subject,
          `standstill of eight working days, to the end of ${standstill.lastDay}`,
          { decided_at: now, standstill_ends_at: standstill.endsAt, standstill_last_day: standstill.lastDay },
        );
        return { stage: 'standstill' as const, standstillEndsAt: standstill.endsAt.toISOString(), contracts };
      }
      await this.store.moveStage(m, tender, step.next, by.subject, null, { decided_at: now, final_at: now });
      await this.release.release(m, tender, now);
      return { stage: 'lost' as const, standstillEndsAt: null, contracts };
    });
    this.relay.nudge();
    return outcome;
  }
}
