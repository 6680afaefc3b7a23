export { TenderingModule } from './tendering.module';
export { ContractHours, TenderingQueries } from './tendering.queries';
