import { Member } from './member.entity';
import { ShareTransaction } from './share-transaction.entity';

export { AdmitMember } from './admit-member.use-case';
export { Member } from './member.entity';
export { MemberQueries } from './member.queries';
export { MemberStore } from './member.store';
export { assertMayActOnMember, CURRENT_MEMBER } from './member-access.rules';
export { MemberDataQueries } from './member-data.queries';
export { MemberErasure } from './member-erasure.store';
export { MemberSignIn } from './member-sign-in.use-case';
export { AdmitMemberDto, ListMembersQuery, MemberRecordView, MemberView, ShareRegisterView, UpdateMemberDto } from './members.dto';
export { MemberErrors } from './members.errors';
export { MembersModule } from './members.module';
export { UpdateMember } from './update-member.use-case';
export const MEMBER_ENTITIES = [Member, ShareTransaction];
