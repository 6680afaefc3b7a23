import { Direction, MessageDefinition, definitionKey } from './message-definition';
import { COOP_HEARTBEAT_V1 } from './messages/coop-heartbeat.v1';
import { COOP_PROFILE_UPDATED_V1 } from './messages/coop-profile-updated.v1';
import { COOP_REGISTERED_V1 } from './messages/coop-registered.v1';
import { COOP_RECEIPT_V1, HUB_RECEIPT_V1 } from './messages/receipt.v1';
import { REGISTRATION_ACCEPTED_V1 } from './messages/registration-accepted.v1';
import { REPORTING_RETURN_REQUESTED_V1 } from './messages/return-requested.v1';
import { REPORTING_RETURN_SUBMITTED_V1 } from './messages/return-submitted.v1';
import { REPORTING_RETURN_APPROVED_V1 } from './messages/return-approved.v1';
import { REPORTING_RETURN_SENT_BACK_V1 } from './messages/return-sent-back.v1';

/** Every message either side may send. A message not listed here is refused as unknown. */
export const MESSAGE_CATALOG: readonly MessageDefinition<any>[] = [
  COOP_REGISTERED_V1,
  COOP_PROFILE_UPDATED_V1,
  COOP_HEARTBEAT_V1,
  COOP_RECEIPT_V1,
  HUB_RECEIPT_V1,
  REGISTRATION_ACCEPTED_V1,
  REPORTING_RETURN_REQUESTED_V1,
  REPORTING_RETURN_SUBMITTED_V1,
  REPORTING_RETURN_APPROVED_V1,
  REPORTING_RETURN_SENT_BACK_V1,
];

const byKey = new Map(MESSAGE_CATALOG.map((d) => [definitionKey(d.direction, d.type, d.version), d]));

export function findDefinition(direction: Direction, type: string, version: number): MessageDefinition | undefined {
  return byKey.get(definitionKey(direction, type, version));
}

export function knownVersions(direction: Direction, type: string): number[] {
  return MESSAGE_CATALOG.filter((d) => d.direction === direction && d.type === type).map((d) => d.version);
}
