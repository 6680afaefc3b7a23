import { IsISO8601, IsUUID } from 'class-validator';

import { defineMessage } from '../message-definition';
import { PackageTermsV1 } from './package-terms.v1';

/**
 * Hub to each co-op asked: a care package a commissioner needs placed, often for someone waiting to
 * leave hospital. The terms only: the council's reference goes to the co-op whose offer is accepted,
 * and to nobody else.
 */
export class BrokeragePackageRequestedV1 extends PackageTermsV1 {
  @IsUUID('4')
  requestId: string;

  /** When the commissioner posted it (the hub's clock): the node shows how long it has been waiting. */
  @IsISO8601({ strict: true })
  postedAt: string;
}

export const BROKERAGE_PACKAGE_REQUESTED_V1 = defineMessage({
  type: 'brokerage.package-requested',
  version: 1,
  direction: 'hub-to-coop',
  transport: 'durable',
  payload: BrokeragePackageRequestedV1,
});
