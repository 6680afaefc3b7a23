import { IsISO8601, IsUUID, Matches } from 'class-validator';

import { defineMessage } from '../message-definition';
import { DAY_PATTERN as DAY } from '../validation';
import { COUNCIL_REFERENCE_PATTERN, COUNCIL_REFERENCE_RULE } from './brokerage-vocabulary';
import { PackageTermsV1 } from './package-terms.v1';

/**
 * Hub to the one co-op whose offer the commissioner accepted: the placement, with the terms again
 * (a node that never saw the request still has all it needs) and the council's reference, with
 * which the council gives the co-op the person's details through its own channels.
 */
export class BrokeragePackageAcceptedV1 extends PackageTermsV1 {
  @IsUUID('4')
  requestId: string;

  @Matches(COUNCIL_REFERENCE_PATTERN, { message: COUNCIL_REFERENCE_RULE })
  councilReference: string;

  /** The co-op's offer as accepted: the start day it offered. */
  @Matches(DAY, { message: 'canStartOn must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  canStartOn: string;

  @IsISO8601({ strict: true })
  acceptedAt: string;
}

export const BROKERAGE_PACKAGE_ACCEPTED_V1 = defineMessage({
  type: 'brokerage.package-accepted',
  version: 1,
  direction: 'hub-to-coop',
  transport: 'durable',
  payload: BrokeragePackageAcceptedV1,
});
