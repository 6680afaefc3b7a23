import { Module } from '@nestjs/common';

import { MembersModule } from '../members';
import { RulebookModule } from '../rulebook';
import { ApproveExpense } from './approve-expense.use-case';
import { CreateVolunteer } from './create-volunteer.use-case';
import { ExpenseQueries } from './expense.queries';
import { ExpenseStore } from './expense.store';
import { ExpensesController } from './expenses.controller';
import { LogHours } from './log-hours.use-case';
import { PayExpense } from './pay-expense.use-case';
import { RecordDeparture } from './record-departure.use-case';
import { RecordPaidWork } from './record-paid-work.use-case';
import { RejectExpense } from './reject-expense.use-case';
import { SubmitExpense } from './submit-expense.use-case';
import { TimeBankController } from './time-bank.controller';
import { TimeBankQueries } from './time-bank.queries';
import { TimeLedger } from './time-ledger.store';
import { TransferTimeCredits } from './transfer-time-credits.use-case';
import { VolunteerQueries } from './volunteer.queries';
import { VolunteerStore } from './volunteer.store';
import { VolunteerDataQueries } from './volunteer-data.queries';
import { VolunteerErasure } from './volunteer-erasure.store';
import { VolunteersController } from './volunteers.controller';

/**
 * Volunteers and the time bank: hours given by activity, a double-entry time-credit ledger held to
 * the rulebook's overdraft, expense claims so no volunteer is out of pocket, and the pathway into
 * paid work. Everything here is personal data: none of it is published to the hub.
 */
@Module({
  imports: [RulebookModule, MembersModule],
  controllers: [VolunteersController, TimeBankController, ExpensesController],
  providers: [
    VolunteerQueries,
    VolunteerStore,
    TimeBankQueries,
    ExpenseQueries,
    ExpenseStore,
    TimeLedger,
    CreateVolunteer,
    RecordDeparture,
    RecordPaidWork,
    LogHours,
    TransferTimeCredits,
    SubmitExpense,
    ApproveExpense,
    RejectExpense,
    PayExpense,
    VolunteerDataQueries,
    VolunteerErasure,
  ],
  exports: [VolunteerQueries, TimeBankQueries, VolunteerDataQueries, VolunteerErasure],
})
export class VolunteeringModule {}
