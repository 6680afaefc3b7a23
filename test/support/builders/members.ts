import type { AdmitMemberDto } from '../../../apps/local-coop-node/src/members/members.dto';
import { ukDay } from '../uk-day';
import { uniqueName } from '../unique';

/** What `POST /members` accepts: a worker-member with the founding rulebook's minimum share (100 pence). */
export type MemberBody = AdmitMemberDto;
export type StakeholderClass = MemberBody['stakeholderClass'];

/** An admission day `days` days before today by the UK's clock: members who could vote on a ballot opened today. */
export function admittedDaysAgo(days: number): string {
  return ukDay(-days);
}

export function aMember(overrides: Partial<MemberBody> = {}): MemberBody {
  return { stakeholderClass: 'worker', fullName: uniqueName('Member'), initialSharesPence: 100, ...overrides };
}
