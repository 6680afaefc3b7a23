import { IsBoolean, IsIn, IsISO8601, IsUUID } from 'class-validator';

import { defineMessage } from '../message-definition';
import { GONE_REASONS, GoneReason } from './brokerage-vocabulary';

/**
 * Hub to each co-op asked that did not get the package: the request is gone (placed with another
 * co-op, closed by the commissioner, or expired at its deadline), so the node stops showing it as
 * open and can free any carers it had pencilled in. Sent again in answer to a late answer.
 */
export class BrokeragePackageGoneV1 {
  @IsUUID('4')
  requestId: string;

  @IsIn(GONE_REASONS)
  reason: GoneReason;

  @IsISO8601({ strict: true })
  goneAt: string;

  /** Whether the co-op's own answer arrived after the request was gone (recorded as late). */
  @IsBoolean()
  answerWasLate: boolean;
}

export const BROKERAGE_PACKAGE_GONE_V1 = defineMessage({
  type: 'brokerage.package-gone',
  version: 1,
  direction: 'hub-to-coop',
  transport: 'durable',
  payload: BrokeragePackageGoneV1,
});
