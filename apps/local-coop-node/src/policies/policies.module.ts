import { Module } from '@nestjs/common';

import { AdoptPolicy } from './adopt-policy.use-case';
import { PoliciesController } from './policies.controller';
import { PolicyQueries } from './policy.queries';
import { PolicyStore } from './policy.store';

/** The co-op's policy documents: texts with a version, adopted on a date, never about a person. */
@Module({
  controllers: [PoliciesController],
  providers: [AdoptPolicy, PolicyQueries, PolicyStore],
  exports: [PolicyStore],
})
export class PoliciesModule {}
