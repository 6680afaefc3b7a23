import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { CareErrors } from './care.errors';
import { localDateOf } from './care.rules';
import { SafeguardingConcernQueries } from './safeguarding-concern.queries';
import { ServiceUserStore } from './service-user.store';
import { ServiceUserErasureView } from './service-user-data.dto';
import { erasedPersonLabel, serviceUserErasureViolation } from './service-user-erasure.rules';

const ERASED = [
  'name (replaced by the label)',
  'date of birth',
  'address',
  'the wording of each care-plan goal',
  'the account of each safeguarding concern',
];
const KEPT = [
  'locality, funding type, and the dates support started and ended: the co-op reports people supported by funding type and area',
  'care plans with their dates and goal scores: the outcome figures reported to commissioners rest on them',
  'visits with service type, time, minutes, status and carer: the record of care delivered, which the co-op must keep, and the hours it was paid for',
  'safeguarding concerns with their category, the days raised, referred and closed, and the outcome: the counts of concerns the co-op reports rest on them',
];

/**
 * Erases the personal details of someone whose support has ended, in one transaction. What the
 * co-op's figures and its record of care delivered rest on stays, so every total is unchanged.
 */
@Injectable()
export class EraseServiceUser {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ServiceUserStore,
    private readonly concerns: SafeguardingConcernQueries,
  ) {}

  async execute(id: string): Promise<ServiceUserErasureView> {
    return this.dataSource.transaction(async (m) => {
      const person = await this.store.lockForChange(m, id);
      if (person.erasedAt) throw CareErrors.alreadyErased(id);
      const violation = serviceUserErasureViolation(person, localDateOf(new Date()), await this.concerns.openCountOf(m, id));
      if (violation) throw CareErrors.rule(violation);
      const label = erasedPersonLabel(id);
      const erasedAt = new Date();
      await m.query('UPDATE service_user SET full_name = $2, date_of_birth = NULL, address = NULL, erased_at = $3 WHERE id = $1', [
        id,
        label,
        erasedAt,
      ]);
      await m.query('UPDATE care_goal SET description = NULL WHERE care_plan_id IN (SELECT id FROM care_plan WHERE service_user_id = $1)', [
        id,
      ]);
      await m.query('UPDATE safeguarding_concern SET details = NULL WHERE service_user_id = $1', [id]);
      return { serviceUserId: id, label, erasedAt: erasedAt.toISOString(), erased: ERASED, kept: KEPT };
    });
  }
}
