import { defineMessage } from '../message-definition';
import { CoopProfilePayload } from './coop-profile.payload';

/** Sent by a node when its admin changes the public profile. */
export class CoopProfileUpdatedV1 extends CoopProfilePayload {}

export const COOP_PROFILE_UPDATED_V1 = defineMessage({
  type: 'coop.profile-updated',
  version: 1,
  direction: 'coop-to-hub',
  transport: 'durable',
  payload: CoopProfileUpdatedV1,
});
