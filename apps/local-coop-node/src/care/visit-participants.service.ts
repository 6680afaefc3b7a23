import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { isEmployedOn, StaffStore } from '../workforce';
import { CareErrors } from './care.errors';
import { localDateOf, visitDayViolation } from './care.rules';
import { ServiceUserStore } from './service-user.store';

/**
 * Checks that a visit has both its people on its day: the person supported and the carer employed.
 * Both records are share-locked, so neither can end under the visit before the transaction commits.
 */
@Injectable()
export class VisitParticipants {
  constructor(
    private readonly people: ServiceUserStore,
    private readonly staff: StaffStore,
  ) {}

  async assertAvailable(manager: EntityManager, serviceUserId: string, carerId: string, plannedStart: Date): Promise<void> {
    const support = await this.people.supportOf(manager, serviceUserId);
    const employment = await this.staff.employmentOf(manager, carerId);
    const day = localDateOf(plannedStart);
    const violation = visitDayViolation(day, support, isEmployedOn(employment, day));
    if (violation) throw CareErrors.rule(violation);
  }
}
