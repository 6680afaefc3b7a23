export { Coop } from './coop.entity';
export { CoopIdPipe } from './coop-id.pipe';
export { refreshNatsAuthorization, renderNatsAuthorization } from './nats-authorization-file.service';
export { NatsAuthorizationSync } from './nats-authorization-sync.service';
export { provisionCoop, ProvisionedCoop, ProvisionRequest } from './provision-coop.command';
export { RegistryModule } from './registry.module';
export { RegistryQueries } from './registry.queries';
export { RegistryKeys } from './registry-keys.service';
