export { TenderingModule } from './tendering.module';
export { contractLabels, coopContractIds } from './contract-references.queries';
