import { Module } from '@nestjs/common';

import { RegistryModule } from '../registry';
import { ApplyTimeCreditsSent } from './apply-time-credits-sent.use-case';
import { ClearingQueries } from './clearing.queries';
import { ClearingStore } from './clearing.store';
import { GiveBackOnLeaving } from './give-back-on-leaving.use-case';
import { SetClearingLimit } from './set-clearing-limit.use-case';
import { SettleClearing } from './settle-clearing.use-case';
import { TimeClearingController } from './time-clearing.controller';

/**
 * Time credits across co-ops on the hub: a clearing ledger between co-ops (what each owes the
 * consortium in hours, and is owed), the consortium's limit on any co-op's debt, payments routed by
 * their one-time code's co-op to the receiving node and their answers back to the paying one. The hub
 * never learns who paid or who was paid. Payments to a co-op that leaves unanswered are given back.
 */
@Module({
  imports: [RegistryModule],
  controllers: [TimeClearingController],
  providers: [ApplyTimeCreditsSent, ClearingQueries, ClearingStore, GiveBackOnLeaving, SetClearingLimit, SettleClearing],
  exports: [ClearingQueries, SetClearingLimit],
})
export class TimeClearingModule {}
