import { IsString, IsUUID, Matches, MaxLength } from 'class-validator';

import { defineMessage } from '../message-definition';
import { CURVE_PUBLIC_KEY_PATTERN, RECRUITMENT_LIMITS as L } from '../recruitment/recruitment-limits';

/**
 * Hub to co-op: the candidate accepted this co-op's request, and here is their application, sealed for
 * this node alone (X25519 and XSalsa20-Poly1305, as nkeys.js's curve keys seal). Only the node holding
 * the private half of `recipientKey` can open it: NATS, JetStream's store and the hub's outbox hold it
 * unreadable. `senderKey` is a curve key the hub made for this one message. Inside is a
 * `SealedApplicationV1` as canonical JSON.
 */
export class RecruitmentApplicationSealedV1 {
  @IsUUID('4')
  requestId: string;

  @IsUUID('4')
  vacancyId: string;

  @Matches(CURVE_PUBLIC_KEY_PATTERN, { message: 'recipientKey must be a curve public key (X…, 56 characters)' })
  recipientKey: string;

  @Matches(CURVE_PUBLIC_KEY_PATTERN, { message: 'senderKey must be a curve public key (X…, 56 characters)' })
  senderKey: string;

  @IsString()
  @MaxLength(L.maxSealedChars)
  @Matches(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'sealed must be base64' })
  sealed: string;
}

export const RECRUITMENT_APPLICATION_SEALED_V1 = defineMessage({
  type: 'recruitment.application-sealed',
  version: 1,
  direction: 'hub-to-coop',
  transport: 'durable',
  payload: RecruitmentApplicationSealedV1,
});
