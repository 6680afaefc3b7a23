import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Envelope, RECRUITMENT_VACANCY_CHANGED_V1, RecruitmentVacancyChangedV1 } from '@app/contracts';
import { InboxHandlers } from '@app/federation';

import { HireRequestStore } from './hire-request.store';

/**
 * A co-op put a vacancy in the pool, changed it, took it out or closed it. The hub keeps the highest
 * revision (a late, older message changes nothing); once the vacancy leaves the pool, every request
 * still waiting on it ends as closed and the co-op is told.
 */
@Injectable()
export class ApplyVacancyChange implements OnModuleInit {
  constructor(
    private readonly handlers: InboxHandlers,
    private readonly requests: HireRequestStore,
  ) {}

  onModuleInit(): void {
    this.handlers.register(RECRUITMENT_VACANCY_CHANGED_V1, (e, m) => this.execute(e, m));
  }

  async execute(envelope: Envelope<RecruitmentVacancyChangedV1>, m: EntityManager): Promise<void> {
    const v = envelope.payload;
    const at = new Date(envelope.occurredAt);
    const closed = v.state === 'pooled' ? null : at;
    const applied: unknown[] = await m.query(
      `INSERT INTO pooled_vacancy (coop_id, vacancy_id, revision, state, role, contract_type, minutes_per_week, hourly_pay_pence,
         pays_real_living_wage, locality, starts_on, first_pooled_at, changed_at, closed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13)
       ON CONFLICT ON CONSTRAINT pk_pooled_vacancy DO UPDATE SET revision = EXCLUDED.revision, state = EXCLUDED.state, role = EXCLUDED.role,
         contract_type = EXCLUDED.contract_type, minutes_per_week = EXCLUDED.minutes_per_week, hourly_pay_pence = EXCLUDED.hourly_pay_pence,
         pays_real_living_wage = EXCLUDED.pays_real_living_wage, locality = EXCLUDED.locality, starts_on = EXCLUDED.starts_on,
         changed_at = EXCLUDED.changed_at, closed_at = EXCLUDED.closed_at
        WHERE pooled_vacancy.revision < EXCLUDED.revision
       RETURNING vacancy_id`,
      [
        envelope.coopId,
        v.vacancyId,
        v.revision,
        v.state,
        v.role,
        v.contractType,
        v.minutesPerWeek,
        v.hourlyPayPence,
        v.paysRealLivingWage,
        v.locality,
        v.startsOn,
        at,
        closed,
      ],
    );
    if (applied.length > 0 && v.state !== 'pooled') await this.requests.endWaitingForVacancy(m, envelope.coopId, v.vacancyId, at);
  }
}
