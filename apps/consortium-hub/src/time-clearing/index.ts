export { ClearingQueries } from './clearing.queries';
export { SetClearingLimit } from './set-clearing-limit.use-case';
export type { ClearingBalancesView, ClearingTransferView, ExchangeView } from './time-clearing.dto';
export { ClearingLimitDto } from './time-clearing.dto';
export { TimeClearingModule } from './time-clearing.module';
