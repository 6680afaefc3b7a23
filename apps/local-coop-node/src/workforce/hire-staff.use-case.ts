import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { MemberQueries } from '../members';
import { HireStaffDto, StaffView } from './staff.dto';
import { StaffQueries } from './staff.queries';
import { WorkforceErrors } from './workforce.errors';
import { contractViolation } from './workforce.rules';

/** Records someone the co-op employs, on one contract, with their pay and guaranteed hours. */
@Injectable()
export class HireStaff {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: StaffQueries,
    private readonly members: MemberQueries,
  ) {}

  /** In the caller's transaction when it passes one (hiring an applicant from the pool). */
  async execute(dto: HireStaffDto, manager?: EntityManager): Promise<StaffView> {
    const violation = contractViolation(dto.contractType, dto.contractedMinutesPerWeek);
    if (violation) throw WorkforceErrors.rule(violation);
    const hire = async (m: EntityManager) => {
      if (dto.memberId) await this.members.get(dto.memberId, m);
      const id = randomUUID();
      await m.query(
        `INSERT INTO staff (id, full_name, role, contract_type, hourly_pay_pence, contracted_minutes_per_week, started_on, locality, member_id, disadvantaged)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          id,
          dto.fullName,
          dto.role,
          dto.contractType,
          dto.hourlyPayPence,
          dto.contractedMinutesPerWeek,
          dto.startedOn,
          dto.locality,
          dto.memberId ?? null,
          dto.disadvantaged ?? false,
        ],
      );
      return this.queries.get(id, m);
    };
    return manager ? hire(manager) : this.dataSource.transaction(hire);
  }
}
