import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RecordLeavingDto, StaffView } from './staff.dto';
import { StaffQueries } from './staff.queries';
import { WorkforceErrors } from './workforce.errors';
import { leavingViolation } from './workforce.rules';

/** A staff member leaves: the record is kept, for turnover and for the visits they made. */
@Injectable()
export class RecordLeaving {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: StaffQueries,
  ) {}

  async execute(id: string, dto: RecordLeavingDto): Promise<StaffView> {
    return this.dataSource.transaction(async (m) => {
      const staff = await this.queries.lockForChange(m, id);
      const violation = leavingViolation(staff, dto.leftOn);
      if (violation) throw WorkforceErrors.rule(violation);
      await m.query('UPDATE staff SET left_on = $2, leaving_reason = $3 WHERE id = $1', [id, dto.leftOn, dto.reason]);
      return this.queries.get(id, m);
    });
  }
}
