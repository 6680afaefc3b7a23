import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsObject,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';

import { canonicalJson } from '../canonical-json';
import { defineMessage } from '../message-definition';
import { ONBOARDING_LIMITS as L, POLICY_KEY_PATTERN } from '../onboarding/onboarding-vocabulary';
import { NestedEach } from '../validation';
import { COOP_ID_PATTERN, COOP_ID_RULE } from '../vocabulary';

/** One of the sponsor's policy documents, as a template for its spin-off: no person is named in one. */
export class PolicyTemplateV1 {
  @Matches(POLICY_KEY_PATTERN, { message: 'key must be lower-case words joined by hyphens, e.g. safeguarding-adults' })
  key: string;

  @IsString()
  @Length(2, 200)
  title: string;

  @IsInt()
  @Min(1)
  @Max(10_000)
  version: number;

  @IsString()
  @MaxLength(L.maxPolicyChars)
  text: string;
}

const SmallJson = (): PropertyDecorator =>
  ValidateBy({
    name: 'smallJson',
    validator: {
      validate: (value: unknown) => {
        try {
          return canonicalJson(value).length <= L.maxRulebookChars;
        } catch {
          return false;
        }
      },
      defaultMessage: () => `rulebook must be at most ${L.maxRulebookChars} characters of JSON`,
    },
  });

/**
 * The templates a sponsor gives its spin-off: its rulebook in force (governance rules: board classes and
 * seats, quorum, majorities, shares, time-bank limits; the joining node checks it against its own
 * rulebook rules before adopting it) and its policy documents. Never personal data.
 */
export class OnboardingTemplatesV1 {
  @IsObject()
  @SmallJson()
  rulebook: Record<string, unknown>;

  @IsArray()
  @ArrayMaxSize(L.maxPolicies)
  @ValidateNested({ each: true })
  @NestedEach(PolicyTemplateV1)
  policies: PolicyTemplateV1[];
}

/** Co-op to hub: the sponsor shares its templates for one of its spin-offs (when it proposes it, or when the hub asks). */
export class OnboardingTemplatesSharedV1 extends OnboardingTemplatesV1 {
  @Matches(COOP_ID_PATTERN, { message: `spinOffCoopId must be a co-op id: ${COOP_ID_RULE}` })
  spinOffCoopId: string;
}

/** Hub to co-op: staff entered a spin-off of this co-op on the hub; share your templates for it. */
export class OnboardingTemplatesRequestedV1 {
  @Matches(COOP_ID_PATTERN, { message: `spinOffCoopId must be a co-op id: ${COOP_ID_RULE}` })
  spinOffCoopId: string;
}

export const ONBOARDING_TEMPLATES_SHARED_V1 = defineMessage({
  type: 'onboarding.templates-shared',
  version: 1,
  direction: 'coop-to-hub',
  transport: 'durable',
  payload: OnboardingTemplatesSharedV1,
});

export const ONBOARDING_TEMPLATES_REQUESTED_V1 = defineMessage({
  type: 'onboarding.templates-requested',
  version: 1,
  direction: 'hub-to-coop',
  transport: 'durable',
  payload: OnboardingTemplatesRequestedV1,
});
