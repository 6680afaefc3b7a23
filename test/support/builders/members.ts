import type { AdmitMemberDto } from '../../../apps/local-coop-node/src/members/members.dto';
import { uniqueName } from '../unique';

/** What `POST /members` accepts: a worker-member with the founding rulebook's minimum share (100 pence). */
export type MemberBody = AdmitMemberDto;
export type StakeholderClass = MemberBody['stakeholderClass'];

export function aMember(overrides: Partial<MemberBody> = {}): MemberBody {
  return { stakeholderClass: 'worker', fullName: uniqueName('Member'), initialSharesPence: 100, ...overrides };
}
