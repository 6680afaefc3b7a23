import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { PooledVacancyState, RECRUITMENT_VACANCY_CHANGED_V1 } from '@app/contracts';
import { OutboxService } from '@app/federation';

import { RulebookStore } from '../rulebook';
import { Vacancy } from './vacancy.entity';
import { paidAtLeastRealLivingWage } from './workforce.rules';

/** What the pool is told about a vacancy: in it from a start date, taken out, or closed. */
export interface PoolChange {
  state: PooledVacancyState;
  startsOn: string;
}

/**
 * The vacancy's place in the consortium's recruitment pool, changed together with the message that
 * tells the hub, in the caller's transaction (the vacancy already locked): the revision goes up with
 * every message, so the hub can always tell a late message from a newer one.
 */
@Injectable()
export class VacancyPoolStore {
  constructor(
    private readonly outbox: OutboxService,
    private readonly rulebooks: RulebookStore,
  ) {}

  async change(m: EntityManager, vacancy: Vacancy, change: PoolChange): Promise<number> {
    const pooled = change.state === 'pooled';
    // The vacancy is locked by the caller, so the revision it read is the one to follow.
    const revision = vacancy.poolRevision + 1;
    await m.query('UPDATE vacancy SET pooled = $2, starts_on = $3, pool_revision = $4 WHERE id = $1', [
      vacancy.id,
      pooled,
      change.startsOn,
      revision,
    ]);
    const rlw = (await this.rulebooks.current(m)).rulebook.realLivingWagePencePerHour;
    await this.outbox.enqueue(
      m,
      RECRUITMENT_VACANCY_CHANGED_V1,
      {
        vacancyId: vacancy.id,
        revision,
        state: change.state,
        role: vacancy.role,
        contractType: vacancy.contractType,
        minutesPerWeek: vacancy.minutesPerWeek,
        hourlyPayPence: vacancy.hourlyPayPence,
        paysRealLivingWage: paidAtLeastRealLivingWage(vacancy.hourlyPayPence, rlw),
        locality: vacancy.locality,
        startsOn: change.startsOn,
      },
      {},
    );
    return revision;
  }
}
