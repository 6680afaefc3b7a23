/**
 * A tender's life on the hub, as in public e-procurement systems such as Prozorro:
 *
 *   draft ──invite──▶ inviting ──close-offers──▶ assembling ──submit──▶ submitted ──award──▶ awarded
 *                                 (deadline, or                               └──lose───▶ lost
 *                                  by hand)
 *   draft, inviting, assembling, submitted ──cancel──▶ cancelled
 *
 * Lots may change (edit or split) while the tender is a draft or inviting; assembling computes the
 * bid again and again until staff submit it. Awarded, lost and cancelled are final.
 */
export const TENDER_STAGES = ['draft', 'inviting', 'assembling', 'submitted', 'awarded', 'lost', 'cancelled'] as const;
export type TenderStage = (typeof TENDER_STAGES)[number];

export const TENDER_ACTIONS = ['change-lots', 'invite', 'close-offers', 'assemble', 'submit', 'award', 'lose', 'cancel'] as const;
export type TenderAction = (typeof TENDER_ACTIONS)[number];

const TRANSITIONS: Record<TenderStage, Partial<Record<TenderAction, TenderStage>>> = {
  draft: { 'change-lots': 'draft', invite: 'inviting', cancel: 'cancelled' },
  inviting: { 'change-lots': 'inviting', 'close-offers': 'assembling', cancel: 'cancelled' },
  assembling: { assemble: 'assembling', submit: 'submitted', cancel: 'cancelled' },
  submitted: { award: 'awarded', lose: 'lost', cancel: 'cancelled' },
  awarded: {},
  lost: {},
  cancelled: {},
};

export interface StageViolation {
  rule: 'TENDERING.STAGE_TRANSITION_REFUSED';
  message: string;
  stage: TenderStage;
  allowedActions: TenderAction[];
}

const VERB: Record<TenderAction, string> = {
  'change-lots': 'have its lots changed',
  invite: 'send invitations',
  'close-offers': 'close for offers',
  assemble: 'assemble a bid',
  submit: 'be submitted',
  award: 'be awarded',
  lose: 'be marked lost',
  cancel: 'be cancelled',
};

export function tenderTransition(stage: TenderStage, action: TenderAction): { next: TenderStage } | { violation: StageViolation } {
  const next = TRANSITIONS[stage][action];
  if (next) return { next };
  return {
    violation: {
      rule: 'TENDERING.STAGE_TRANSITION_REFUSED',
      message: `a tender that is ${stage} cannot ${VERB[action]}`,
      stage,
      allowedActions: allowedTenderActions(stage),
    },
  };
}

export function allowedTenderActions(stage: TenderStage): TenderAction[] {
  return Object.keys(TRANSITIONS[stage]) as TenderAction[];
}

export function isFinal(stage: TenderStage): boolean {
  return allowedTenderActions(stage).length === 0;
}

/**
 * The move the calendar makes by itself: an inviting tender whose deadline has passed stops taking
 * offers and goes to assembling. Nothing else moves by date.
 */
export function stageByDate(stage: TenderStage, deadline: Date, now: Date): TenderStage {
  return stage === 'inviting' && now.getTime() >= deadline.getTime() ? 'assembling' : stage;
}

/**
 * Whether the deadline job has work on a tender: an inviting tender whose deadline has passed (close
 * offers and assemble), or one already assembling with no bid yet (a sweep that closed it but failed
 * to assemble, or a hub stopped in between): assemble it, so no tender waits without a bid for ever.
 */
export function dueForAssembly(t: { stage: TenderStage; deadline: Date; assembledAt: Date | null }, now: Date): boolean {
  return stageByDate(t.stage, t.deadline, now) !== t.stage || (t.stage === 'assembling' && t.assembledAt === null);
}

/** After an award, the tender is awarded if any lot was won (whole or in part), else lost. */
export function stageAfterAward(outcomes: readonly ('whole' | 'partial' | 'lost')[]): 'award' | 'lose' {
  return outcomes.some((o) => o !== 'lost') ? 'award' : 'lose';
}
