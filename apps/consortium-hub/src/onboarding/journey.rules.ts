import { CoopStatus, ONBOARDING_STAGES, OnboardingStage, statusForStages } from '@app/contracts';

/**
 * A spin-off's journey as rules: the stages close in order (ONBOARDING_STAGES), each with evidence; staff
 * reopen them from the latest closed one backwards, so the closed stages are always the first few. The
 * history is only ever added to: a stage's state is what its latest event says.
 */

export type StageAction = 'closed' | 'reopened';
export type StageState = 'open' | 'closed';

export interface StageEvent {
  readonly stage: OnboardingStage;
  readonly action: StageAction;
}

/** The state of every stage after `events`, oldest first: a stage never closed is open. */
export function stageStates(events: readonly StageEvent[]): Map<OnboardingStage, StageState> {
  const states = new Map<OnboardingStage, StageState>(ONBOARDING_STAGES.map((s) => [s, 'open']));
  for (const e of events) states.set(e.stage, e.action === 'closed' ? 'closed' : 'open');
  return states;
}

export function closedStages(events: readonly StageEvent[]): Set<OnboardingStage> {
  return new Set([...stageStates(events)].filter(([, state]) => state === 'closed').map(([stage]) => stage));
}

/** The stage the journey is at: the first one not closed; null once every stage, trading included, is closed. */
export function firstOpenStage(closed: ReadonlySet<OnboardingStage>): OnboardingStage | null {
  return ONBOARDING_STAGES.find((s) => !closed.has(s)) ?? null;
}

/** The last stage (in the journey's order) that is closed, or null. */
export function latestClosedStage(closed: ReadonlySet<OnboardingStage>): OnboardingStage | null {
  return [...ONBOARDING_STAGES].reverse().find((s) => closed.has(s)) ?? null;
}

/** The stage before this one, or null for the first. */
export function previousStage(stage: OnboardingStage): OnboardingStage | null {
  const at = ONBOARDING_STAGES.indexOf(stage);
  return at > 0 ? ONBOARDING_STAGES[at - 1] : null;
}

export type CloseViolation =
  | { readonly rule: 'ONBOARDING.STAGE_ALREADY_CLOSED'; readonly message: string }
  | { readonly rule: 'ONBOARDING.STAGE_OUT_OF_ORDER'; readonly message: string; readonly openStage: OnboardingStage };

/** Why `stage` cannot close now, or null: it is closed already, or an earlier stage is still open. */
export function closeViolation(stage: OnboardingStage, closed: ReadonlySet<OnboardingStage>): CloseViolation | null {
  if (closed.has(stage)) return { rule: 'ONBOARDING.STAGE_ALREADY_CLOSED', message: `stage ${stage} is closed already` };
  const open = firstOpenStage(closed);
  if (open !== null && open !== stage)
    return {
      rule: 'ONBOARDING.STAGE_OUT_OF_ORDER',
      message: `stage ${open} is still open: stages close in order, so ${open} closes before ${stage}`,
      openStage: open,
    };
  return null;
}

export type ReopenViolation =
  | { readonly rule: 'ONBOARDING.STAGE_NOT_CLOSED'; readonly message: string }
  | { readonly rule: 'ONBOARDING.LATER_STAGE_CLOSED'; readonly message: string; readonly closedStage: OnboardingStage };

/**
 * Why `stage` cannot be reopened now, or null. Only a closed stage reopens, and only the latest closed
 * one: reopening an earlier stage while a later one stands closed would leave a journey whose stages
 * are not closed in order. To go further back, reopen the later stages first (each with its reason).
 */
export function reopenViolation(stage: OnboardingStage, closed: ReadonlySet<OnboardingStage>): ReopenViolation | null {
  if (!closed.has(stage)) return { rule: 'ONBOARDING.STAGE_NOT_CLOSED', message: `stage ${stage} is not closed, so it cannot be reopened` };
  const latest = latestClosedStage(closed)!;
  if (latest !== stage)
    return {
      rule: 'ONBOARDING.LATER_STAGE_CLOSED',
      message: `stage ${latest} is closed after ${stage}: reopen stages from the latest closed backwards, ${latest} first`,
      closedStage: latest,
    };
  return null;
}

export interface EvidenceDateFacts {
  /** Today on the consortium's calendar (Europe/London), YYYY-MM-DD. */
  readonly today: string;
  /** The day the journey started on the hub, on the same calendar. */
  readonly startedOn: string;
  /** The evidence date of the stage before, when there is one (it is closed: stages close in order). */
  readonly previous: { readonly stage: OnboardingStage; readonly date: string } | null;
}

export type EvidenceDateProblem =
  | { readonly rule: 'ONBOARDING.EVIDENCE_IN_FUTURE'; readonly message: string }
  | { readonly rule: 'ONBOARDING.EVIDENCE_BEFORE_START'; readonly message: string }
  | { readonly rule: 'ONBOARDING.EVIDENCE_BEFORE_PREVIOUS'; readonly message: string; readonly previousStage: OnboardingStage };

/**
 * A stage's evidence is dated on a day that has come (not after today), not before the journey started
 * (the journey's figures count time from its start, so no stage can be done before it), and not before
 * the evidence of the stage before it (stages happen in order, so their dates do too; equal is fine:
 * two stages can be done on one day). Dates are YYYY-MM-DD, so they compare as strings.
 */
export function evidenceDateProblem(date: string, facts: EvidenceDateFacts): EvidenceDateProblem | null {
  if (date > facts.today)
    return { rule: 'ONBOARDING.EVIDENCE_IN_FUTURE', message: `evidence.date ${date} is after today (${facts.today})` };
  if (date < facts.startedOn)
    return {
      rule: 'ONBOARDING.EVIDENCE_BEFORE_START',
      message: `evidence.date ${date} is before the journey started (${facts.startedOn})`,
    };
  if (facts.previous && date < facts.previous.date)
    return {
      rule: 'ONBOARDING.EVIDENCE_BEFORE_PREVIOUS',
      message: `evidence.date ${date} is before the evidence of ${facts.previous.stage} (${facts.previous.date}): stages happen in order`,
      previousStage: facts.previous.stage,
    };
  return null;
}

/** Statuses a journey gives; a co-op staff have suspended, or that has left, keeps the status staff gave it. */
const JOURNEY_STATUSES: readonly CoopStatus[] = ['proposed', 'forming', 'registered', 'trading'];

/** The status the co-op moves to once its closed stages are `closed`, or null when it stays as it is. */
export function statusToFollow(current: CoopStatus, closed: ReadonlySet<OnboardingStage>): CoopStatus | null {
  if (!JOURNEY_STATUSES.includes(current)) return null;
  const next = statusForStages(closed);
  return next === current ? null : next;
}

/**
 * A journey is stalled when it has not reached trading and no stage has closed (nor the journey started)
 * for `stallDays` days.
 */
export function isStalled(lastProgressAt: Date, finished: boolean, now: Date, stallDays: number): boolean {
  return !finished && now.getTime() - lastProgressAt.getTime() > stallDays * 86_400_000;
}

const LONDON_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The day an instant falls on in the consortium's calendar (Europe/London), YYYY-MM-DD. */
export function consortiumDay(instant: Date): string {
  return LONDON_DAY.format(instant);
}
