/**
 * A tender's life on the hub, as in public e-procurement systems such as Prozorro:
 *
 *   draft ──invite──▶ inviting ──close-offers──▶ assembling ──submit──▶ submitted ──award──▶ standstill ──finalise──▶ awarded
 *                                 (deadline, or                             ▲   └──lose───▶ lost   (its end, by date,
 *                                  by hand)                                 └──set-aside──┘         no open challenge)
 *   draft, inviting, assembling, submitted ──cancel──▶ cancelled
 *
 * Lots may change (edit or split) while the tender is a draft or inviting; assembling computes the
 * bid again and again until staff submit it. An award that wins anything starts the Procurement Act
 * 2023's standstill (eight working days): the contracts are held on the hub until it ends with no
 * challenge open, and only then become final and go to the nodes. A challenge upheld sets the
 * decision aside: the tender is submitted again, waiting for the council's new decision. Awarded,
 * lost and cancelled are final.
 */
export const TENDER_STAGES = ['draft', 'inviting', 'assembling', 'submitted', 'standstill', 'awarded', 'lost', 'cancelled'] as const;
export type TenderStage = (typeof TENDER_STAGES)[number];

export const TENDER_ACTIONS = [
  'change-lots',
  'invite',
  'close-offers',
  'assemble',
  'submit',
  'award',
  'lose',
  'finalise',
  'set-aside',
  'cancel',
] as const;
export type TenderAction = (typeof TENDER_ACTIONS)[number];

const TRANSITIONS: Record<TenderStage, Partial<Record<TenderAction, TenderStage>>> = {
  draft: { 'change-lots': 'draft', invite: 'inviting', cancel: 'cancelled' },
  inviting: { 'change-lots': 'inviting', 'close-offers': 'assembling', cancel: 'cancelled' },
  assembling: { assemble: 'assembling', submit: 'submitted', cancel: 'cancelled' },
  submitted: { award: 'standstill', lose: 'lost', cancel: 'cancelled' },
  standstill: { finalise: 'awarded', 'set-aside': 'submitted' },
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
  finalise: 'have its contracts made final',
  'set-aside': 'have its award set aside',
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
 * The moves the calendar makes by itself: an inviting tender whose deadline has passed stops taking
 * offers and goes to assembling; a standstill that has ended with no challenge open makes the award
 * final. Nothing else changes stage by date (the enquiry period and a lot's deadline close by date
 * without a change of stage: see `datedSteps`).
 */
export function stageByDate(
  stage: TenderStage,
  dates: { deadline: Date; standstillEndsAt?: Date | null; openChallenges?: number },
  now: Date,
): TenderStage {
  if (stage === 'inviting' && now.getTime() >= dates.deadline.getTime()) return 'assembling';
  if (stage === 'standstill' && dates.standstillEndsAt && now.getTime() >= dates.standstillEndsAt.getTime() && !dates.openChallenges)
    return 'awarded';
  return stage;
}

/**
 * Whether the deadline job has work on a tender: an inviting tender whose deadline has passed (close
 * offers and assemble), or one already assembling with no bid yet (a sweep that closed it but failed
 * to assemble, or a hub stopped in between): assemble it, so no tender waits without a bid for ever.
 */
export function dueForAssembly(t: { stage: TenderStage; deadline: Date; assembledAt: Date | null }, now: Date): boolean {
  return stageByDate(t.stage, t, now) === 'assembling' && (t.stage !== 'assembling' || t.assembledAt === null);
}

/** What a tender's dates say is due now, besides its own deadline (see `dueForAssembly`). */
export interface DatedTender {
  stage: TenderStage;
  deadline: Date;
  enquiryEndsAt: Date | null;
  enquiriesClosedAt: Date | null;
  standstillEndsAt: Date | null;
  openChallenges: number;
  lots: { id: string; status: 'open' | 'split'; deadline: Date | null; offersClosedAt: Date | null }[];
}

export interface DatedSteps {
  /** The enquiry period has ended and that is not yet recorded. */
  closeEnquiries: boolean;
  /** Open lots whose own deadline has passed and that are not yet closed for offers. */
  closeLots: string[];
  /** The standstill ended with no challenge open: the contracts become final. */
  finalise: boolean;
}

/** The dated steps due on a tender now; each is taken once (its record says it was). */
export function datedSteps(t: DatedTender, now: Date): DatedSteps {
  const passed = (d: Date | null) => d !== null && now.getTime() >= d.getTime();
  const taking = t.stage === 'inviting';
  return {
    closeEnquiries: ['inviting', 'assembling', 'submitted'].includes(t.stage) && passed(t.enquiryEndsAt) && t.enquiriesClosedAt === null,
    closeLots: taking ? t.lots.filter((l) => l.status === 'open' && passed(l.deadline) && l.offersClosedAt === null).map((l) => l.id) : [],
    finalise: stageByDate(t.stage, t, now) === 'awarded',
  };
}

/** After an award, the tender goes to its standstill if any lot was won (whole or in part), else it is lost. */
export function stageAfterAward(outcomes: readonly ('whole' | 'partial' | 'lost')[]): 'award' | 'lose' {
  return outcomes.some((o) => o !== 'lost') ? 'award' : 'lose';
}
