export { ProfileModule } from './profile.module';
export { ProfileQueries } from './profile.queries';
export { CoopProfile } from './coop-profile.entity';
export { toProfilePayload } from './profile.mapper';
export { InitialProfile } from './initial-profile';
