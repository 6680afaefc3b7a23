import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Vacancy } from './vacancy.entity';
import { WorkforceErrors } from './workforce.errors';

/** The vacancy taken under a lock, for closing it. */
@Injectable()
export class VacancyStore {
  async lockForChange(manager: EntityManager, id: string): Promise<Vacancy> {
    const vacancy = await manager.findOne(Vacancy, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!vacancy) throw WorkforceErrors.vacancyNotFound(id);
    return vacancy;
  }
}
