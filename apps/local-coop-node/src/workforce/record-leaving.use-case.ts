import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { RecordLeavingDto, StaffView } from './staff.dto';
import { StaffQueries } from './staff.queries';
import { StaffStore } from './staff.store';
import { WorkforceErrors } from './workforce.errors';
import { leavingViolation } from './workforce.rules';

/** A staff member leaves: the record is kept, for turnover and for the visits they made. */
@Injectable()
export class RecordLeaving {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: StaffQueries,
    private readonly store: StaffStore,
  ) {}

  async execute(id: string, dto: RecordLeavingDto): Promise<StaffView> {
    return this.dataSource.transaction(async (m) => {
      const staff = await this.store.lockForChange(m, id);
      const violation = leavingViolation(staff, dto.leftOn);
      if (violation) throw WorkforceErrors.rule(violation);
      // Care cannot be imported here (it depends on workforce), so its visits are read directly: a
      // carer cannot leave before visits they are down for, delivered or still planned. Days are
      // care's days (Europe/London), as care checks employment.
      const [{ n }] = await m.query(
        `SELECT count(*)::int AS n FROM visit
          WHERE carer_id = $1 AND status IN ('planned', 'delivered') AND (planned_start AT TIME ZONE 'Europe/London')::date > $2::date`,
        [id, dto.leftOn],
      );
      if (n > 0) {
        throw WorkforceErrors.rule({
          rule: 'WORKFORCE.VISITS_AFTER_LEAVING',
          message: `${n} planned or delivered visit${n === 1 ? '' : 's'} fall after ${dto.leftOn}: reassign or cancel them first`,
        });
      }
      await m.query('UPDATE staff SET left_on = $2, leaving_reason = $3 WHERE id = $1', [id, dto.leftOn, dto.reason]);
      return this.queries.get(id, m);
    });
  }
}
