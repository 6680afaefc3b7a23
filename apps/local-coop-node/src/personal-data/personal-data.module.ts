import { Module } from '@nestjs/common';

import { MembersModule } from '../members';
import { VolunteeringModule } from '../volunteering';
import { WorkforceModule } from '../workforce';
import { EraseMember } from './erase-member.use-case';
import { MemberDataController } from './member-data.controller';
import { MemberExportQueries } from './member-export.queries';
import { MemberGovernanceQueries } from './member-governance.queries';
import { MemberGovernanceStore } from './member-governance.store';

/**
 * A member's own data across the features that hold it: export (right of access) and erasure (right
 * to erasure). It sits above members, volunteering and workforce so that none of them imports another
 * for it. The people supported have theirs in care, which holds all of it.
 */
@Module({
  imports: [MembersModule, VolunteeringModule, WorkforceModule],
  controllers: [MemberDataController],
  providers: [EraseMember, MemberExportQueries, MemberGovernanceQueries, MemberGovernanceStore],
  exports: [MemberExportQueries],
})
export class PersonalDataModule {}
