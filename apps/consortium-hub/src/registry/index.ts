export { RegistryModule } from './registry.module';
export { RegistryQueries } from './registry.queries';
export { Coop } from './coop.entity';
export { RegistryKeys } from './registry-keys';
export { provisionCoop, ProvisionedCoop, ProvisionRequest } from './provision-coop';
export { renderNatsAuthorization, refreshNatsAuthorization } from './write-nats-authorization';
