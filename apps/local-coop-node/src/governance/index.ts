export { GovernanceModule } from './governance.module';
export const GOVERNANCE_ENTITIES: Function[] = [];
