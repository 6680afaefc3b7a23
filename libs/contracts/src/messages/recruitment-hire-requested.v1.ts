import { IsUUID } from 'class-validator';

import { defineMessage } from '../message-definition';

/**
 * Co-op to hub: "we would like to hire this candidate for this vacancy". The candidate is named only
 * by the pseudonymous profile id the hub showed this co-op (another co-op sees another id for the same
 * person). The hub refuses it (a rejected receipt with the reason) when the vacancy is not this co-op's
 * or not in the pool, the profile is unknown to this co-op or has left the pool, a request is already
 * waiting, or the candidate declined this co-op before.
 */
export class RecruitmentHireRequestedV1 {
  /** Made by the node; the candidate's answer and the application name it. */
  @IsUUID('4')
  requestId: string;

  @IsUUID('4')
  vacancyId: string;

  @IsUUID('4')
  profileId: string;
}

export const RECRUITMENT_HIRE_REQUESTED_V1 = defineMessage({
  type: 'recruitment.hire-requested',
  version: 1,
  direction: 'coop-to-hub',
  transport: 'durable',
  payload: RecruitmentHireRequestedV1,
});
