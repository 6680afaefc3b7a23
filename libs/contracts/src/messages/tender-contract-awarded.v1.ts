import { IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';

import { defineMessage } from '../message-definition';
import { LotTermsV1, TENDER_LIMITS } from './tender-invitation.v1';

/**
 * Hub to one co-op: the council awarded (all or part of) a lot of the consortium's bid, and this
 * is the co-op's share: hours a week at its own offered price, between two dates. The node records
 * it as a contract and reports delivered against contracted hours.
 */
export class TenderContractAwardedV1 extends LotTermsV1 {
  @IsUUID('4')
  contractId: string;

  @IsUUID('4')
  tenderId: string;

  @IsUUID('4')
  lotId: string;

  @IsString()
  @Length(2, 200)
  tenderTitle: string;

  @IsString()
  @Length(2, 200)
  buyer: string;

  @IsInt()
  @Min(1)
  @Max(TENDER_LIMITS.maxPencePerHour)
  pricePencePerHour: number;
}

export const TENDERING_CONTRACT_AWARDED_V1 = defineMessage({
  type: 'tendering.contract-awarded',
  version: 1,
  direction: 'hub-to-coop',
  transport: 'durable',
  payload: TenderContractAwardedV1,
});
