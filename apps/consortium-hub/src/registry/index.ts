export { Coop } from './coop.entity';
export { CoopIdPipe } from './coop-id.pipe';
export { provisionCoop, ProvisionedCoop, ProvisionRequest } from './provision-coop';
export { RegistryModule } from './registry.module';
export { RegistryQueries } from './registry.queries';
export { RegistryKeys } from './registry-keys';
export { refreshNatsAuthorization, renderNatsAuthorization } from './write-nats-authorization';
