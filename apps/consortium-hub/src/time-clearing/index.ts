export { ClearingQueries } from './clearing.queries';
export { TimeClearingModule } from './time-clearing.module';
