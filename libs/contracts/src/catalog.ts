import { BROKERAGE_ANSWER_MADE_V1 } from './brokerage/answer-made.v1';
import { BROKERAGE_PACKAGE_ACCEPTED_V1 } from './brokerage/package-accepted.v1';
import { BROKERAGE_PACKAGE_GONE_V1 } from './brokerage/package-gone.v1';
import { BROKERAGE_PACKAGE_REQUESTED_V1 } from './brokerage/package-requested.v1';
import { definitionKey, Direction, MessageDefinition } from './message-definition';
import { COOP_HEARTBEAT_V1 } from './messages/coop-heartbeat.v1';
import { COOP_PROFILE_UPDATED_V1 } from './messages/coop-profile-updated.v1';
import { COOP_REGISTERED_V1 } from './messages/coop-registered.v1';
import { ONBOARDING_SPIN_OFF_PROPOSED_V1 } from './messages/onboarding-spin-off-proposed.v1';
import { ONBOARDING_TEMPLATES_REQUESTED_V1, ONBOARDING_TEMPLATES_SHARED_V1 } from './messages/onboarding-templates.v1';
import { PURCHASING_ALLOCATION_MADE_V1 } from './messages/purchasing-allocation-made.v1';
import { PURCHASING_COMMITMENT_MADE_V1 } from './messages/purchasing-commitment-made.v1';
import { PURCHASING_ROUND_OPENED_V1 } from './messages/purchasing-round-opened.v1';
import { PURCHASING_ROUND_STATE_CHANGED_V1 } from './messages/purchasing-round-state-changed.v1';
import { COOP_RECEIPT_V1, HUB_RECEIPT_V1 } from './messages/receipt.v1';
import { RECRUITMENT_APPLICATION_SEALED_V1 } from './messages/recruitment-application-sealed.v1';
import { RECRUITMENT_HIRE_ANSWERED_V1 } from './messages/recruitment-hire-answered.v1';
import { RECRUITMENT_HIRE_REQUESTED_V1 } from './messages/recruitment-hire-requested.v1';
import { RECRUITMENT_VACANCY_CHANGED_V1 } from './messages/recruitment-vacancy-changed.v1';
import { REGISTRATION_ACCEPTED_V1 } from './messages/registration-accepted.v1';
import { REPORTING_RETURN_APPROVED_V1 } from './messages/return-approved.v1';
import { REPORTING_RETURN_REQUESTED_V1 } from './messages/return-requested.v1';
import { REPORTING_RETURN_SENT_BACK_V1 } from './messages/return-sent-back.v1';
import { REPORTING_RETURN_SUBMITTED_V1 } from './messages/return-submitted.v1';
import { TENDERING_CONTRACT_AWARDED_V1 } from './messages/tender-contract-awarded.v1';
import { TENDERING_ENQUIRY_ANSWERED_V1, TENDERING_ENQUIRY_ASKED_V1 } from './messages/tender-enquiry.v1';
import { TENDERING_INVITATION_V1 } from './messages/tender-invitation.v1';
import { TENDERING_INVITATION_V2 } from './messages/tender-invitation.v2';
import { TENDERING_LOT_LOST_V1 } from './messages/tender-lot-lost.v1';
import { TENDERING_LOT_WITHDRAWN_V1 } from './messages/tender-lot-withdrawn.v1';
import { TENDERING_OFFER_MADE_V1 } from './messages/tender-offer-made.v1';
import { TENDERING_OFFERS_CLOSED_V1 } from './messages/tender-offers-closed.v1';
import {
  TIME_CREDITS_FORWARDED_V1,
  TIME_CREDITS_SENT_V1,
  TIME_CREDITS_SETTLED_V1,
  TIME_CREDITS_WITHDRAWN_V1,
} from './messages/time-credits.v1';

/** Every message either side may send. A message not listed here is refused as unknown. */
export const MESSAGE_CATALOG: readonly MessageDefinition[] = [
  COOP_REGISTERED_V1,
  COOP_PROFILE_UPDATED_V1,
  COOP_HEARTBEAT_V1,
  COOP_RECEIPT_V1,
  HUB_RECEIPT_V1,
  REGISTRATION_ACCEPTED_V1,
  REPORTING_RETURN_REQUESTED_V1,
  REPORTING_RETURN_SUBMITTED_V1,
  PURCHASING_ROUND_OPENED_V1,
  PURCHASING_COMMITMENT_MADE_V1,
  PURCHASING_ALLOCATION_MADE_V1,
  PURCHASING_ROUND_STATE_CHANGED_V1,
  TENDERING_INVITATION_V1,
  TENDERING_LOT_WITHDRAWN_V1,
  TENDERING_OFFER_MADE_V1,
  TENDERING_CONTRACT_AWARDED_V1,
  TENDERING_OFFERS_CLOSED_V1,
  TENDERING_LOT_LOST_V1,
  REPORTING_RETURN_APPROVED_V1,
  REPORTING_RETURN_SENT_BACK_V1,
  RECRUITMENT_VACANCY_CHANGED_V1,
  RECRUITMENT_HIRE_REQUESTED_V1,
  RECRUITMENT_HIRE_ANSWERED_V1,
  RECRUITMENT_APPLICATION_SEALED_V1,
  ONBOARDING_SPIN_OFF_PROPOSED_V1,
  ONBOARDING_TEMPLATES_SHARED_V1,
  ONBOARDING_TEMPLATES_REQUESTED_V1,
  TIME_CREDITS_SENT_V1,
  TIME_CREDITS_FORWARDED_V1,
  TIME_CREDITS_SETTLED_V1,
  TIME_CREDITS_WITHDRAWN_V1,
  TENDERING_INVITATION_V2,
  TENDERING_ENQUIRY_ASKED_V1,
  TENDERING_ENQUIRY_ANSWERED_V1,
  BROKERAGE_PACKAGE_REQUESTED_V1,
  BROKERAGE_ANSWER_MADE_V1,
  BROKERAGE_PACKAGE_ACCEPTED_V1,
  BROKERAGE_PACKAGE_GONE_V1,
];

const byKey = new Map(MESSAGE_CATALOG.map((d) => [definitionKey(d.direction, d.type, d.version), d]));

export function findDefinition(direction: Direction, type: string, version: number): MessageDefinition | undefined {
  return byKey.get(definitionKey(direction, type, version));
}

export function knownVersions(direction: Direction, type: string): number[] {
  return MESSAGE_CATALOG.filter((d) => d.direction === direction && d.type === type).map((d) => d.version);
}
