/** A refused proposal: a stable code, a sentence naming the field, and whether the request or the records are at fault. */
export interface SpinOffViolation {
  code: string;
  message: string;
  kind: 'invalid' | 'conflict';
}

export interface SpinOffProposalFacts {
  coopId: string;
  ownCoopId: string;
  proposedBefore: boolean;
  /** The runner's employment with this co-op. */
  runner: { startedOn: string; leftOn: string | null };
  targets: JourneyTargets;
  today: string;
}

/**
 * Whether a spin-off may be proposed: another co-op than this one, proposed once from here, its
 * runner working for this co-op today, and trading not aimed before registration.
 */
export function spinOffViolation(f: SpinOffProposalFacts): SpinOffViolation | null {
  if (f.coopId === f.ownCoopId)
    return {
      code: 'ONBOARDING.OWN_COOP',
      message: `coopId ${f.coopId} is this co-op's own id: a spin-off is a new co-op`,
      kind: 'invalid',
    };
  const { registeredBy, tradingBy } = f.targets;
  if (registeredBy && tradingBy && tradingBy < registeredBy)
    return {
      code: 'ONBOARDING.TARGETS_OUT_OF_ORDER',
      message: `targets.tradingBy ${tradingBy} is before targets.registeredBy ${registeredBy}: a co-op registers before it trades`,
      kind: 'invalid',
    };
  if (f.proposedBefore)
    return { code: 'ONBOARDING.ALREADY_PROPOSED', message: `this co-op already proposed ${f.coopId} as a spin-off`, kind: 'conflict' };
  if (f.runner.leftOn !== null && f.runner.leftOn < f.today)
    return {
      code: 'ONBOARDING.RUNNER_NOT_CURRENT',
      message: `runner.staffId: the runner left this co-op on ${f.runner.leftOn}; a runner must work here now`,
      kind: 'conflict',
    };
  if (f.runner.startedOn > f.today)
    return {
      code: 'ONBOARDING.RUNNER_NOT_CURRENT',
      message: `runner.staffId: the runner starts on ${f.runner.startedOn}; a runner must work here now`,
      kind: 'conflict',
    };
  return null;
}

export interface JourneyTargets {
  registeredBy?: string;
  tradingBy?: string;
}

/** The target dates given, and no key for one not given (the message carries no empty target). */
export function givenTargets(targets: JourneyTargets | undefined): JourneyTargets {
  return {
    ...(targets?.registeredBy !== undefined ? { registeredBy: targets.registeredBy } : {}),
    ...(targets?.tradingBy !== undefined ? { tradingBy: targets.tradingBy } : {}),
  };
}

export interface RunnerPublicDetails {
  displayName: string;
  roleTitle?: string;
  publicEmail?: string;
  publicPhone?: string;
}

/**
 * Exactly the details the runner agreed to show, and nothing else: whatever else the request or the
 * staff record holds (the staff id, the name as recorded, pay, locality) stays on the node.
 */
export function runnerPublicDetails(runner: RunnerPublicDetails): RunnerPublicDetails {
  return {
    displayName: runner.displayName,
    ...(runner.roleTitle !== undefined ? { roleTitle: runner.roleTitle } : {}),
    ...(runner.publicEmail !== undefined ? { publicEmail: runner.publicEmail } : {}),
    ...(runner.publicPhone !== undefined ? { publicPhone: runner.publicPhone } : {}),
  };
}

export const HUB_ANSWER_STATES = ['sending', 'confirmed', 'rejected'] as const;
export type HubAnswerState = (typeof HUB_ANSWER_STATES)[number];

/** What the hub made of one of our messages, from its outbox row: not answered yet, applied, or refused with a reason. */
export function hubAnswerState(outboxStatus: string): HubAnswerState {
  if (outboxStatus === 'confirmed') return 'confirmed';
  if (outboxStatus === 'rejected') return 'rejected';
  return 'sending';
}
