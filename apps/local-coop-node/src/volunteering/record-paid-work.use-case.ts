import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { VolunteerQueries } from './volunteer.queries';
import { paidWorkViolation } from './volunteer.rules';
import { VolunteerStore } from './volunteer.store';
import { VolunteeringErrors } from './volunteering.errors';
import { PaidWorkDto, VolunteerView } from './volunteers.dto';

/**
 * Records the volunteer-to-paid pathway: the day a volunteer started paid work, and in what role.
 * It does not end their volunteering; many carry on.
 */
@Injectable()
export class RecordPaidWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly volunteers: VolunteerQueries,
    private readonly store: VolunteerStore,
  ) {}

  async execute(id: string, dto: PaidWorkDto): Promise<VolunteerView> {
    return this.dataSource.transaction(async (m) => {
      const volunteer = await this.store.lock(m, id, 'update');
      const violation = paidWorkViolation(volunteer, dto.on);
      if (violation) throw VolunteeringErrors.broken(violation);
      await m.query('UPDATE volunteer SET moved_into_paid_work_on = $2, paid_role = $3 WHERE id = $1', [id, dto.on, dto.role]);
      return this.volunteers.get(id, m);
    });
  }
}
