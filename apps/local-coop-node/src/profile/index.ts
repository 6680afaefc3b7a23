export { CoopProfile } from './coop-profile.entity';
export { InitialProfile } from './initial-profile.bootstrap';
export { ProfileView, UpdateProfileDto } from './profile.dto';
export { toProfilePayload, toProfileView } from './profile.mapper';
export { ProfileModule } from './profile.module';
export { ProfileQueries } from './profile.queries';
export { UpdateProfile } from './update-profile.use-case';
