import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { todayIso } from '@app/platform';

import { TimeLedger } from './time-ledger.store';
import { VolunteerQueries } from './volunteer.queries';
import { departureViolation } from './volunteer.rules';
import { VolunteeringErrors } from './volunteering.errors';
import { DepartureDto, VolunteerView } from './volunteers.dto';

/**
 * A volunteer leaves. Their time-credit balance is frozen as it stands: no more hours, no transfers
 * to or from them; their records and any claims in progress are kept.
 */
@Injectable()
export class RecordDeparture {
  constructor(
    private readonly dataSource: DataSource,
    private readonly volunteers: VolunteerQueries,
    private readonly ledger: TimeLedger,
  ) {}

  async execute(id: string, dto: DepartureDto): Promise<VolunteerView> {
    return this.dataSource.transaction(async (m) => {
      // The account lock is what hours and transfers take too, so none of them can slip in between
      // their check that the volunteer is still here and this departure.
      await this.ledger.lockVolunteerAccounts(m, [id]);
      const volunteer = await this.volunteers.get(id, m);
      const violation = departureViolation(volunteer, dto.leftOn ?? todayIso(), todayIso());
      if (violation) throw VolunteeringErrors.broken(violation);
      const leftOn = dto.leftOn ?? todayIso();
      // A backdated departure must not leave hours or claims dated after it.
      const [{ last }] = await m.query(
        `SELECT greatest((SELECT max(worked_on) FROM volunteer_hours WHERE volunteer_id = $1),
                         (SELECT max(incurred_on) FROM expense_claim WHERE volunteer_id = $1))::text AS last`,
        [id],
      );
      if (last && last > leftOn) {
        throw VolunteeringErrors.broken({
          rule: 'VOLUNTEERING.ACTIVITY_AFTER_LEAVING',
          message: `leftOn ${leftOn} is before recorded hours or claims dated ${last}`,
        });
      }
      await m.query('UPDATE volunteer SET left_on = $2, leaving_reason = $3 WHERE id = $1', [
        id,
        dto.leftOn ?? todayIso(),
        dto.reason ?? null,
      ]);
      return this.volunteers.get(id, m);
    });
  }
}
