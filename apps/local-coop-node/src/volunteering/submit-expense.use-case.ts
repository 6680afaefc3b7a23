import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Principal, todayIso } from '@app/platform';

import { ExpenseQueries } from './expense.queries';
import { claimAmount } from './expense.rules';
import { ExpenseView, SubmitExpenseDto } from './expenses.dto';
import { activityDateViolation } from './volunteer.rules';
import { VolunteerStore } from './volunteer.store';
import { assertMayActOnVolunteer } from './volunteer-access.rules';
import { VolunteeringErrors } from './volunteering.errors';

/** A volunteer (or the admin for them) claims back what they spent, so that no volunteer is out of pocket. */
@Injectable()
export class SubmitExpense {
  constructor(
    private readonly dataSource: DataSource,
    private readonly expenses: ExpenseQueries,
    private readonly volunteers: VolunteerStore,
  ) {}

  async execute(principal: Principal, volunteerId: string, dto: SubmitExpenseDto): Promise<ExpenseView> {
    const amount = claimAmount({
      kind: dto.kind,
      amountPence: dto.amountPence ?? undefined,
      miles: dto.miles ?? undefined,
      ratePencePerMile: dto.ratePencePerMile ?? undefined,
    });
    return this.dataSource.transaction(async (m) => {
      // Shared lock: a departure cannot move the leaving date under the date check below.
      const volunteer = await this.volunteers.lock(m, volunteerId, 'share');
      assertMayActOnVolunteer(principal, volunteer);
      if ('violation' in amount) throw VolunteeringErrors.invalid(amount.violation);
      const violation = activityDateViolation(volunteer, dto.incurredOn, todayIso(), 'an expense');
      if (violation) throw VolunteeringErrors.broken(violation);
      const id = randomUUID();
      await m.query(
        `INSERT INTO expense_claim (id, volunteer_id, kind, amount_pence, miles, rate_pence_per_mile, incurred_on, description)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, volunteerId, dto.kind, amount.amountPence, amount.miles, amount.ratePencePerMile, dto.incurredOn, dto.description],
      );
      return this.expenses.get(m, id);
    });
  }
}
