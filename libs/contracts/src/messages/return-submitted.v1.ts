import { IsUUID } from 'class-validator';

import { defineMessage } from '../message-definition';
import { ReturnFiguresV1 } from '../reporting/return-figures.v1';

/**
 * Co-op to hub: its return for a cycle, computed on the node from its own records. Aggregates only.
 * A later submission for the same cycle supersedes this one; the hub keeps both.
 */
export class ReturnSubmittedV1 extends ReturnFiguresV1 {
  @IsUUID('4')
  cycleId: string;
}

export const REPORTING_RETURN_SUBMITTED_V1 = defineMessage({
  type: 'reporting.return-submitted',
  version: 1,
  direction: 'coop-to-hub',
  transport: 'durable',
  payload: ReturnSubmittedV1,
});
