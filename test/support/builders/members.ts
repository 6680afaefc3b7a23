import { londonDay } from '@app/platform';

import type { AdmitMemberDto } from '../../../apps/local-coop-node/src/members/members.dto';
import { uniqueName } from '../unique';

/** What `POST /members` accepts: a worker-member with the founding rulebook's minimum share (100 pence). */
export type MemberBody = AdmitMemberDto;
export type StakeholderClass = MemberBody['stakeholderClass'];

/** An admission day `days` days before today by the UK's clock: members who could vote on a ballot opened today. */
export function admittedDaysAgo(days: number): string {
  return londonDay(new Date(Date.now() - days * 86_400_000));
}

export function aMember(overrides: Partial<MemberBody> = {}): MemberBody {
  return { stakeholderClass: 'worker', fullName: uniqueName('Member'), initialSharesPence: 100, ...overrides };
}
