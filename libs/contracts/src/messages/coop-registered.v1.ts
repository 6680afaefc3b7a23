import { defineMessage } from '../message-definition';
import { CoopProfilePayload } from './coop-profile.payload';

/** Sent by a node at every start: "this is who I am". The hub upserts its registry entry. */
export class CoopRegisteredV1 extends CoopProfilePayload {}

export const COOP_REGISTERED_V1 = defineMessage({
  type: 'coop.registered',
  version: 1,
  direction: 'coop-to-hub',
  transport: 'durable',
  payload: CoopRegisteredV1,
});
