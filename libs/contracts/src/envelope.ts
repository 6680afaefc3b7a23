import {
  IsDefined,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';

import { canonicalJson } from './canonical-json';
import { COOP_ID_PATTERN } from './vocabulary';

/**
 * Every message between node and hub travels in this envelope. The id doubles as the
 * JetStream `Nats-Msg-Id` and as the receiver's inbox key, so a repeat is harmless however
 * late it comes. This is the envelope before it is signed.
 */
export class UnsignedEnvelope<P = unknown> {
  @IsUUID('4')
  id: string;

  @IsString()
  @Matches(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/, { message: 'type must be dotted lower-case words, e.g. coop.registered' })
  @MaxLength(80)
  type: string;

  @IsInt()
  @Min(1)
  @Max(1000)
  version: number;

  @Matches(COOP_ID_PATTERN, { message: 'coopId must be a co-op id (lower-case letters, digits, hyphens)' })
  coopId: string;

  @IsISO8601({ strict: true })
  occurredAt: string;

  @IsUUID('4')
  correlationId: string;

  @IsOptional()
  @IsUUID('4')
  causationId?: string;

  @IsDefined()
  @IsObject()
  payload: P;
}

/** An Ed25519 signature (NKeys), base64url without padding: 64 bytes, 86 characters. */
export const SIGNATURE_PATTERN = /^[A-Za-z0-9_-]{86}$/;

/**
 * The one spelling of a signature: 86 characters carry 516 bits for 512, and a decoder ignores the
 * last character's 4 spare bits, so 16 strings decode to the same signature. Only the string that
 * encoding the bytes again gives back is accepted, so a signature cannot be altered and still verify.
 */
export function isCanonicalSignature(value: unknown): value is string {
  return typeof value === 'string' && SIGNATURE_PATTERN.test(value) && Buffer.from(value, 'base64url').toString('base64url') === value;
}

/**
 * The envelope as it travels: signed by the sender's co-op key (or the hub's key) over
 * `signingInput`, so the receiver can tell who sent it and that nothing in it changed.
 */
export class Envelope<P = unknown> extends UnsignedEnvelope<P> {
  @ValidateBy({
    name: 'isCanonicalSignature',
    validator: {
      validate: isCanonicalSignature,
      defaultMessage: () => 'signature must be an Ed25519 signature, base64url (86 characters, its spare bits zero)',
    },
  })
  signature: string;
}

/** The exact text that is signed: the canonical JSON of the envelope without its signature. */
export function signingInput(envelope: UnsignedEnvelope<unknown> | Envelope<unknown>): string {
  const { signature: _signature, ...unsigned } = envelope as Envelope<unknown>;
  return canonicalJson(unsigned);
}

/** The largest encoded message either side accepts; anything bigger is refused unread. */
export const MAX_MESSAGE_BYTES = 256 * 1024;
