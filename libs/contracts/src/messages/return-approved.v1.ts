import { IsUUID } from 'class-validator';

import { defineMessage } from '../message-definition';

/**
 * Hub to one co-op: consortium staff approved its return for a cycle. `messageId` names the return
 * (the co-op's own `reporting.return-submitted` message); the review's time is the envelope's
 * `occurredAt`. An approved return is frozen: the hub refuses a resubmission until staff send it back.
 */
export class ReturnApprovedV1 {
  @IsUUID('4')
  cycleId: string;

  @IsUUID('4')
  messageId: string;
}

export const REPORTING_RETURN_APPROVED_V1 = defineMessage({
  type: 'reporting.return-approved',
  version: 1,
  direction: 'hub-to-coop',
  transport: 'durable',
  payload: ReturnApprovedV1,
});
