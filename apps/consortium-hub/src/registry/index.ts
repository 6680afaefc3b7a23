export { RegistryModule } from './registry.module';
export { RegistryQueries } from './registry.queries';
export { Coop } from './coop.entity';
