import { IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';

import { defineMessage } from '../message-definition';

/** Bounds of a question and an answer, shared by both apps' APIs. */
export const ENQUIRY_LIMITS = { question: [5, 2000], answer: [2, 4000] } as const;

/**
 * Co-op to hub: a question about a tender it is invited to (or one of its lots), asked during the
 * enquiry period. `enquiryId` is the node's own id for it, so it knows its answer when every co-op
 * gets it. The text is about the council's terms; the node's admin is told not to name anyone.
 */
export class TenderEnquiryAskedV1 {
  @IsUUID('4')
  tenderId: string;

  @IsUUID('4')
  enquiryId: string;

  @IsOptional()
  @IsUUID('4')
  lotId?: string;

  @IsString()
  @Length(...ENQUIRY_LIMITS.question)
  question: string;
}

export const TENDERING_ENQUIRY_ASKED_V1 = defineMessage({
  type: 'tendering.enquiry-asked',
  version: 1,
  direction: 'coop-to-hub',
  transport: 'durable',
  payload: TenderEnquiryAskedV1,
});

/**
 * Hub to every co-op invited to the tender (and to each invited later): a question and the staff's
 * answer. Who asked is never said; the asking node knows its own question by `enquiryId`.
 */
export class TenderEnquiryAnsweredV1 extends TenderEnquiryAskedV1 {
  @IsString()
  @Length(...ENQUIRY_LIMITS.answer)
  answer: string;

  @IsISO8601({ strict: true })
  answeredAt: string;
}

export const TENDERING_ENQUIRY_ANSWERED_V1 = defineMessage({
  type: 'tendering.enquiry-answered',
  version: 1,
  direction: 'hub-to-coop',
  transport: 'durable',
  payload: TenderEnquiryAnsweredV1,
});
