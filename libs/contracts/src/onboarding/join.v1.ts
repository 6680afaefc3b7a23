import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';

import { OnboardingTemplatesV1 } from '../messages/onboarding-templates.v1';
import { CURVE_PUBLIC_KEY_PATTERN } from '../recruitment/recruitment-limits';
import { Nested } from '../validation';
import { COOP_ID_PATTERN } from '../vocabulary';

/** A join token as staff hand it over: `ccmj_` then 43 base64url characters (32 random bytes). */
export const JOIN_TOKEN_PATTERN = /^ccmj_[A-Za-z0-9_-]{43}$/;

/**
 * What `local-coop-node join` sends to the hub's `POST /onboarding/join`: the single-use token staff
 * issued, and the public halves of the keys the node just made for itself. No private key ever leaves it.
 */
export class JoinRequestV1 {
  @Matches(JOIN_TOKEN_PATTERN, { message: 'token must be a join token as staff issued it (ccmj_…)' })
  token: string;

  /** The node's NKey (U…): its NATS user and its message-signing key. */
  @Matches(/^U[A-Z2-7]{55}$/, { message: 'publicKey must be an NKey user public key (U…, 56 characters)' })
  publicKey: string;

  /** The node's curve key (X…), what hired candidates' applications are sealed for. */
  @Matches(CURVE_PUBLIC_KEY_PATTERN, { message: 'sealingKey must be a curve public key (X…, 56 characters)' })
  sealingKey: string;
}

/** What the hub answers a good join: everything the new node needs to start, and nothing secret. */
export class JoinGrantV1 {
  @Matches(COOP_ID_PATTERN)
  coopId: string;

  @IsString()
  @Length(2, 120)
  name: string;

  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  localities: string[];

  @IsArray()
  @IsString({ each: true })
  services: string[];

  @Matches(COOP_ID_PATTERN)
  sponsorCoopId: string;

  /** The hub's NKey: every message from the hub must be signed with it. */
  @Matches(/^U[A-Z2-7]{55}$/)
  hubPublicKey: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  natsUrls: string[];

  @Matches(/^[a-z][a-z0-9_]{0,30}$/)
  subjectRoot: string;

  /** The sponsor's rulebook and policies, when it shared them. */
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Nested(OnboardingTemplatesV1)
  templates?: OnboardingTemplatesV1;
}
