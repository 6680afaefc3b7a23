import type { CoopStatus } from '../vocabulary';

/**
 * The stages of a spin-off co-op's journey, in the order they close (the "strawberry patch": every co-op
 * sends out a runner to start a new co-op nearby). Each closes with evidence; a stage closes only when
 * every stage before it is closed.
 */
export const ONBOARDING_STAGES = [
  'community-meetings',
  'steering-group',
  'model-rules-adopted',
  'registered',
  'community-share-offer',
  'cqc-registration',
  'first-board-elected',
  'first-staff',
  'first-person-supported',
  'trading',
] as const;
export type OnboardingStage = (typeof ONBOARDING_STAGES)[number];

/**
 * The registry status a journey gives its co-op: proposed until a stage closes, forming until it is
 * registered as a society, registered until it trades, then trading.
 */
export function statusForStages(
  closed: ReadonlySet<OnboardingStage>,
): Extract<CoopStatus, 'proposed' | 'forming' | 'registered' | 'trading'> {
  if (closed.has('trading')) return 'trading';
  if (closed.has('registered')) return 'registered';
  return closed.size > 0 ? 'forming' : 'proposed';
}

/** A policy's key: lower-case words joined by hyphens, e.g. safeguarding-adults. */
export const POLICY_KEY_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+){0,9}$/;

export const ONBOARDING_LIMITS = {
  maxPolicies: 40,
  maxPolicyChars: 40_000,
  /** The rulebook as JSON: a few kilobytes; far more is refused as not a rulebook. */
  maxRulebookChars: 20_000,
} as const;
