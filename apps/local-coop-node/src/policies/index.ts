export { PoliciesModule } from './policies.module';
export { repeatedPolicyKey } from './policy.rules';
export { PolicyStore, PolicyVersion } from './policy.store';
