import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Principal, todayIso } from '@app/platform';

import { TimeLedger } from './time-ledger.store';
import { VolunteerQueries } from './volunteer.queries';
import { activityDateViolation } from './volunteer.rules';
import { VolunteeringErrors } from './volunteering.errors';
import { HoursView, LogHoursDto } from './volunteers.dto';

/**
 * Records time a volunteer gave and, in the same transaction, the credits it earns: the co-op's
 * issuer account pays the volunteer the same minutes. Hours without their credits, or credits
 * without hours, can never be committed.
 */
@Injectable()
export class LogHours {
  constructor(
    private readonly dataSource: DataSource,
    private readonly volunteers: VolunteerQueries,
    private readonly ledger: TimeLedger,
  ) {}

  async execute(principal: Principal, volunteerId: string, dto: LogHoursDto): Promise<HoursView> {
    return this.dataSource.transaction(async (m) => {
      const accounts = await this.ledger.lockVolunteerAccounts(m, [volunteerId]);
      const volunteer = await this.volunteers.visibleTo(principal, volunteerId, m);
      const violation = activityDateViolation(volunteer, dto.workedOn, todayIso(), 'hours');
      if (violation) throw VolunteeringErrors.broken(violation);
      const hoursId = randomUUID();
      await m.query('INSERT INTO volunteer_hours (id, volunteer_id, worked_on, activity, minutes, note) VALUES ($1, $2, $3, $4, $5, $6)', [
        hoursId,
        volunteerId,
        dto.workedOn,
        dto.activity,
        dto.minutes,
        dto.note ?? null,
      ]);
      await this.ledger.post(m, {
        purpose: 'earning',
        fromAccountId: await this.ledger.issuerAccountId(m),
        toAccountId: accounts.get(volunteerId)!,
        minutes: dto.minutes,
        occurredOn: dto.workedOn,
        note: null,
        volunteerHoursId: hoursId,
      });
      return this.volunteers.hoursEntry(m, hoursId);
    });
  }
}
