import { ExpenseClaim } from './expense-claim.entity';
import { TimeAccount } from './time-account.entity';
import { TimeCreditTransfer } from './time-credit-transfer.entity';
import { TimeEntry } from './time-entry.entity';
import { TimePaymentCode } from './time-payment-code.entity';
import { TimeTransfer } from './time-transfer.entity';
import { Volunteer } from './volunteer.entity';
import { VolunteerHours } from './volunteer-hours.entity';

export { ListTransfersQuery, TimeBankSummaryView, TransferView } from './time-bank.dto';
export { TimeBankQueries } from './time-bank.queries';
export { MINUTES_PER_CREDIT } from './time-bank.rules';
export { VolunteerQueries } from './volunteer.queries';
export type { VolunteerActivity } from './volunteer.rules';
export { VOLUNTEER_ACTIVITIES } from './volunteer.rules';
export { VolunteerDataView } from './volunteer-data.dto';
export { VolunteerDataQueries } from './volunteer-data.queries';
export type { VolunteerToErase } from './volunteer-erasure.store';
export { VolunteerErasure } from './volunteer-erasure.store';
export { VolunteeringModule } from './volunteering.module';
export const VOLUNTEERING_ENTITIES = [
  Volunteer,
  VolunteerHours,
  TimeAccount,
  TimeTransfer,
  TimeEntry,
  ExpenseClaim,
  TimeCreditTransfer,
  TimePaymentCode,
];
export type { ExpenseAction, ExpenseKind, ExpenseStatus } from './expense.rules';
export { claimAmount, expenseTransition } from './expense.rules';
export type { TransferPurpose } from './time-bank.rules';
export { overdraftViolation, transferViolation } from './time-bank.rules';
export { activityDateViolation, paidWorkViolation, periodViolation } from './volunteer.rules';
