import { IsString, IsUUID, Length } from 'class-validator';

import { defineMessage } from '../message-definition';

/**
 * Hub to one co-op: consortium staff sent its return back with a comment, which reopens the return
 * for that co-op (even after the cycle has locked) until it resubmits once. The comment is written by
 * staff to the co-op about its figures, and travels hub to node only.
 */
export class ReturnSentBackV1 {
  @IsUUID('4')
  cycleId: string;

  @IsUUID('4')
  messageId: string;

  @IsString()
  @Length(1, 2000)
  comment: string;
}

export const REPORTING_RETURN_SENT_BACK_V1 = defineMessage({
  type: 'reporting.return-sent-back',
  version: 1,
  direction: 'hub-to-coop',
  transport: 'durable',
  payload: ReturnSentBackV1,
});
