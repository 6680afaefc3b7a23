export { FederationStatusModule } from './federation-status.module';
