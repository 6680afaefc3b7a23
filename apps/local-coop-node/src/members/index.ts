import { Member } from './member.entity';
import { ShareTransaction } from './share-transaction.entity';

export { MembersModule } from './members.module';
export { MemberQueries } from './member-queries';
export { MemberDataQueries } from './member-data.queries';
export { MemberErasure } from './member-erasure';
export { MemberErrors } from './members.errors';
export { MemberRecordView, ShareRegisterView } from './members.dto';
export { Member } from './member.entity';
export { assertMayActOnMember } from './member-access';
export const MEMBER_ENTITIES = [Member, ShareTransaction];
