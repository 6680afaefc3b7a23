import { IsIn, IsISO8601 } from 'class-validator';

import { defineMessage } from '../message-definition';
import { COOP_STATUSES, CoopStatus } from '../vocabulary';

/** Hub to node: the registry has the co-op, with this status. */
export class RegistrationAcceptedV1 {
  @IsIn(COOP_STATUSES)
  status: CoopStatus;

  @IsISO8601({ strict: true })
  registeredAt: string;
}

export const REGISTRATION_ACCEPTED_V1 = defineMessage({
  type: 'registry.registration-accepted',
  version: 1,
  direction: 'hub-to-coop',
  transport: 'durable',
  payload: RegistrationAcceptedV1,
});
