import { Module } from '@nestjs/common';

import { MembersModule } from '../members';
import { RulebookModule } from '../rulebook';
import { ApproveExpense } from './approve-expense.use-case';
import { CreateVolunteer } from './create-volunteer.use-case';
import { ExpenseQueries } from './expense.queries';
import { ExpenseStore } from './expense.store';
import { ExpensesController } from './expenses.controller';
import { LogHours } from './log-hours.use-case';
import { MakePaymentCode } from './make-payment-code.use-case';
import { PayAcrossCoops } from './pay-across-coops.use-case';
import { PayExpense } from './pay-expense.use-case';
import { ReceiveTimeCredits } from './receive-time-credits.use-case';
import { RecordDeparture } from './record-departure.use-case';
import { RecordPaidWork } from './record-paid-work.use-case';
import { RecordTimeCreditsReceipt } from './record-time-credits-receipt.use-case';
import { RejectExpense } from './reject-expense.use-case';
import { SettleTimeCredits } from './settle-time-credits.use-case';
import { SubmitExpense } from './submit-expense.use-case';
import { TimeBankController } from './time-bank.controller';
import { TimeBankQueries } from './time-bank.queries';
import { TimeCreditsAcrossController } from './time-credits-across.controller';
import { AcrossCoopsQueries } from './time-credits-across.queries';
import { AcrossCoopsStore } from './time-credits-across.store';
import { TimeLedger } from './time-ledger.store';
import { TransferTimeCredits } from './transfer-time-credits.use-case';
import { VolunteerQueries } from './volunteer.queries';
import { VolunteerStore } from './volunteer.store';
import { VolunteerDataQueries } from './volunteer-data.queries';
import { VolunteerErasure } from './volunteer-erasure.store';
import { VolunteersController } from './volunteers.controller';
import { WithdrawTimeCredits } from './withdraw-time-credits.use-case';

/**
 * Volunteers and the time bank: hours given by activity, a double-entry time-credit ledger held to
 * the rulebook's overdraft, expense claims so no volunteer is out of pocket, and the pathway into
 * paid work, and credits paid to and from other co-ops' members through the consortium's clearing.
 * Everything here is personal data: of a payment across co-ops only the minutes and a one-time code
 * that names no one cross to the hub.
 */
@Module({
  imports: [RulebookModule, MembersModule],
  controllers: [VolunteersController, TimeBankController, TimeCreditsAcrossController, ExpensesController],
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
    AcrossCoopsQueries,
    AcrossCoopsStore,
    MakePaymentCode,
    PayAcrossCoops,
    ReceiveTimeCredits,
    WithdrawTimeCredits,
    RecordTimeCreditsReceipt,
    SettleTimeCredits,
  ],
  exports: [VolunteerQueries, TimeBankQueries, VolunteerDataQueries, VolunteerErasure],
})
export class VolunteeringModule {}
