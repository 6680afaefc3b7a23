import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { MemberQueries } from '../members';
import { StaffView, UpdateStaffDto } from './staff.dto';
import { Staff } from './staff.entity';
import { StaffQueries } from './staff.queries';
import { StaffStore } from './staff.store';
import { WorkforceErrors } from './workforce.errors';
import { contractViolation } from './workforce.rules';

/** Changes a staff member's post, contract, pay or details; a leaver's record can still be corrected. */
@Injectable()
export class UpdateStaff {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: StaffQueries,
    private readonly members: MemberQueries,
    private readonly store: StaffStore,
  ) {}

  async execute(id: string, dto: UpdateStaffDto): Promise<StaffView> {
    const changes: Partial<Staff> = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined));
    if (Object.keys(changes).length === 0) throw WorkforceErrors.nothingToChange();
    return this.dataSource.transaction(async (m) => {
      const staff = await this.store.lockForChange(m, id);
      const violation = contractViolation(
        changes.contractType ?? staff.contractType,
        changes.contractedMinutesPerWeek ?? staff.contractedMinutesPerWeek,
      );
      if (violation) throw WorkforceErrors.rule(violation);
      if (changes.memberId) await this.members.get(changes.memberId, m);
      await m.update(Staff, { id }, changes);
      return this.queries.get(id, m);
    });
  }
}
