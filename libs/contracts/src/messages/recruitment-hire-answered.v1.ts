import { IsIn, IsUUID } from 'class-validator';

import { defineMessage } from '../message-definition';

/**
 * How a request to hire ended without an application: the candidate declined, withdrew from the pool or
 * erased their record, or the vacancy closed first. (An accepted request is answered by the sealed
 * application itself.)
 */
export const HIRE_REQUEST_ENDINGS = ['declined', 'withdrawn', 'closed'] as const;
export type HireRequestEnding = (typeof HIRE_REQUEST_ENDINGS)[number];

/** Hub to co-op: the end of one of its requests to hire, without the candidate's application. */
export class RecruitmentHireAnsweredV1 {
  @IsUUID('4')
  requestId: string;

  @IsIn(HIRE_REQUEST_ENDINGS)
  outcome: HireRequestEnding;
}

export const RECRUITMENT_HIRE_ANSWERED_V1 = defineMessage({
  type: 'recruitment.hire-answered',
  version: 1,
  direction: 'hub-to-coop',
  transport: 'durable',
  payload: RecruitmentHireAnsweredV1,
});
