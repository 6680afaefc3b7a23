import type { SubmitExpenseDto } from '../../../apps/local-coop-node/src/volunteering/expenses.dto';
import type { CreateVolunteerDto, LogHoursDto } from '../../../apps/local-coop-node/src/volunteering/volunteers.dto';
import { uniqueName } from '../unique';

/** What `POST /volunteers` accepts: a volunteer who is not (yet) a member. */
export type VolunteerBody = CreateVolunteerDto;

export function aVolunteer(overrides: Partial<VolunteerBody> = {}): VolunteerBody {
  return { fullName: uniqueName('Volunteer'), ...overrides };
}

/** What `POST /volunteers/:id/hours` accepts: an hour of befriending. */
export type HoursBody = LogHoursDto;

export function someHours(overrides: Partial<HoursBody> = {}): HoursBody {
  return { workedOn: '2025-02-03', activity: 'befriending', minutes: 60, ...overrides };
}

/** What `POST /volunteers/:id/expenses` accepts: a travel fare. */
export type ExpenseBody = SubmitExpenseDto;

export function anExpense(overrides: Partial<ExpenseBody> = {}): ExpenseBody {
  return { kind: 'travel', amountPence: 420, incurredOn: '2025-02-03', description: 'To and from a befriending visit', ...overrides };
}
