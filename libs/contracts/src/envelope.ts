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
} from 'class-validator';
import { COOP_ID_PATTERN } from './vocabulary';

/**
 * Every message between node and hub travels in this envelope. The id doubles as the
 * JetStream `Nats-Msg-Id` and as the receiver's inbox key, so a repeat is harmless however
 * late it comes.
 */
export class Envelope<P = unknown> {
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

/** The largest encoded message either side accepts; anything bigger is refused unread. */
export const MAX_MESSAGE_BYTES = 256 * 1024;
