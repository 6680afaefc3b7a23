import { ExpenseClaim } from './expense-claim.entity';
import { TimeAccount } from './time-account.entity';
import { TimeEntry } from './time-entry.entity';
import { TimeTransfer } from './time-transfer.entity';
import { VolunteerHours } from './volunteer-hours.entity';
import { Volunteer } from './volunteer.entity';

export { VolunteeringModule } from './volunteering.module';
export { VolunteerQueries } from './volunteer-queries';
export { TimeBankQueries } from './time-bank-queries';
export { MINUTES_PER_CREDIT } from './time-bank.rules';
export { VOLUNTEER_ACTIVITIES } from './volunteer.rules';
export type { VolunteerActivity } from './volunteer.rules';
export const VOLUNTEERING_ENTITIES: Function[] = [Volunteer, VolunteerHours, TimeAccount, TimeTransfer, TimeEntry, ExpenseClaim];
export { activityDateViolation, paidWorkViolation } from './volunteer.rules';
export { overdraftViolation, transferViolation } from './time-bank.rules';
export type { TransferPurpose } from './time-bank.rules';
export { claimAmount, expenseTransition } from './expense.rules';
export type { ExpenseAction, ExpenseKind, ExpenseStatus } from './expense.rules';
