export { contractLabels, coopContractIds } from './contract-references.queries';
export { TenderingModule } from './tendering.module';
