import { Module } from '@nestjs/common';

import { RulebookModule } from '../rulebook';
import { AdmitMember } from './admit-member.use-case';
import { ChangeShares } from './change-shares.use-case';
import { MemberQueries } from './member.queries';
import { MemberStore } from './member.store';
import { MemberDataQueries } from './member-data.queries';
import { MemberErasure } from './member-erasure.store';
import { MembersController } from './members.controller';
import { UpdateMember } from './update-member.use-case';
import { WithdrawMember } from './withdraw-member.use-case';

/** Membership: admission into a stakeholder class, withdrawal, the community share register. */
@Module({
  imports: [RulebookModule],
  controllers: [MembersController],
  providers: [AdmitMember, ChangeShares, MemberDataQueries, MemberErasure, MemberQueries, MemberStore, UpdateMember, WithdrawMember],
  exports: [AdmitMember, MemberQueries, MemberStore, MemberDataQueries, MemberErasure, UpdateMember],
})
export class MembersModule {}
