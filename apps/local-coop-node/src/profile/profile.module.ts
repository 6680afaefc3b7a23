import { Module } from '@nestjs/common';

import { InitialProfile } from './initial-profile.bootstrap';
import { ProfileController } from './profile.controller';
import { ProfileQueries } from './profile.queries';
import { UpdateProfile } from './update-profile.use-case';

/** The co-op's public profile (the rulebook joins it in the co-op node issue). */
@Module({
  controllers: [ProfileController],
  providers: [InitialProfile, ProfileQueries, UpdateProfile],
  exports: [ProfileQueries, UpdateProfile],
})
export class ProfileModule {}
