import { IsISO8601, IsUUID } from 'class-validator';

import { defineMessage } from '../message-definition';
import { ReturnOfPeriodV1 } from '../reporting/return-figures.v1';

/** Hub to every registered co-op: a return cycle is open; send your figures for this period by `dueAt`. */
export class ReturnRequestedV1 extends ReturnOfPeriodV1 {
  @IsUUID('4')
  cycleId: string;

  @IsISO8601({ strict: true })
  dueAt: string;
}

export const REPORTING_RETURN_REQUESTED_V1 = defineMessage({
  type: 'reporting.return-requested',
  version: 1,
  direction: 'hub-to-coop',
  transport: 'durable',
  payload: ReturnRequestedV1,
});
