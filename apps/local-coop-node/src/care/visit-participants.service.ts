import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { TenderingQueries } from '../tendering';
import { isEmployedOn, StaffStore } from '../workforce';
import { CareErrors } from './care.errors';
import { localDateOf, visitContractViolation, visitDayViolation } from './care.rules';
import { ServiceUserStore } from './service-user.store';

/**
 * Checks that a visit has both its people on its day: the person supported and the carer employed.
 * Both records are share-locked, so neither can end under the visit before the transaction commits.
 * And that a contract the visit names is one it can deliver.
 */
@Injectable()
export class VisitParticipants {
  constructor(
    private readonly people: ServiceUserStore,
    private readonly staff: StaffStore,
    private readonly contracts: TenderingQueries,
  ) {}

  async assertAvailable(manager: EntityManager, serviceUserId: string, carerId: string, plannedStart: Date): Promise<void> {
    const support = await this.people.supportOf(manager, serviceUserId);
    const employment = await this.staff.employmentOf(manager, carerId);
    const day = localDateOf(plannedStart);
    const violation = visitDayViolation(day, support, isEmployedOn(employment, day));
    if (violation) throw CareErrors.rule(violation);
  }

  /** A visit that names a consortium contract delivers it: one the co-op holds, of the visit's service, on a day it runs. */
  async assertContract(manager: EntityManager, contractId: string | null, serviceType: string, plannedStart: Date): Promise<void> {
    if (contractId === null) return;
    const terms = await this.contracts.contractTerms(manager, contractId);
    const violation = visitContractViolation({ serviceType, day: localDateOf(plannedStart) }, contractId, terms);
    if (violation) throw CareErrors.rule(violation);
  }
}
