import type { RulebookTemplateId, StakeholderClass } from '@app/contracts';

/** Board seats a stakeholder class elects, and the largest share of the board it may hold. */
export interface ClassSeats {
  stakeholderClass: StakeholderClass;
  seats: number;
  /**
   * At most this percentage of the board (e.g. volunteers at most 50% in an Italian Type A co-op), or
   * null for no cap. Compared to one decimal place, so 33.3 allows exactly a third.
   */
  capPercent: number | null;
}

/** A co-op's governance rules, as its registered rules (model rules) state them. */
export interface Rulebook {
  template: RulebookTemplateId | 'custom';
  name: string;
  admittedClasses: StakeholderClass[];
  board: ClassSeats[];
  /** Share of eligible members who must vote for a ballot to count. */
  quorumPercent: number;
  /** An ordinary resolution passes with MORE THAN this share of the votes cast for or against. */
  ordinaryMajorityPercent: number;
  /** A special resolution passes with AT LEAST this share of the votes cast for or against. */
  specialMajorityPercent: number;
  minimumMembers: number;
  shareMinimumPence: number;
  shareMaximumPence: number;
  /** How far below zero a time-bank balance may go. */
  timeCreditOverdraftMinutes: number;
  realLivingWagePencePerHour: number;
  /**
   * Whether a member may pay their own time credits to a member of another co-op, or only the admin
   * for them. Absent in rulebooks adopted before payments across co-ops existed, which is no.
   */
  membersMayPayAcrossCoops?: boolean;
}

/**
 * Two ready rulebooks from the seed documents.
 *
 * UK: a multi-stakeholder Community Benefit Society as proposed for Kirklees (service users and
 * families, workers, volunteers and community supporters on one board, none dominating; volunteers
 * at most a third, as in Canada), CBS share limits (the £100,000 cap on an individual's withdrawable
 * shares), the 2025/26 Real Living Wage outside London (£13.45).
 *
 * Italy: a Type A social co-operative (Law 381/1991): volunteers at most half of the board, worker
 * members at its core, nine members to form a co-operative, a 50% quorum (first call).
 */
export const RULEBOOK_TEMPLATES: Record<RulebookTemplateId, Rulebook> = {
  'uk-multi-stakeholder-cbs': {
    template: 'uk-multi-stakeholder-cbs',
    name: 'UK multi-stakeholder Community Benefit Society',
    admittedClasses: ['service-user-or-family', 'worker', 'volunteer', 'community-supporter'],
    board: [
      { stakeholderClass: 'service-user-or-family', seats: 3, capPercent: 50 },
      { stakeholderClass: 'worker', seats: 3, capPercent: 50 },
      { stakeholderClass: 'volunteer', seats: 2, capPercent: 33.3 },
      { stakeholderClass: 'community-supporter', seats: 1, capPercent: 33.3 },
    ],
    quorumPercent: 10,
    ordinaryMajorityPercent: 50,
    specialMajorityPercent: 75,
    minimumMembers: 3,
    shareMinimumPence: 100,
    shareMaximumPence: 10_000_000,
    timeCreditOverdraftMinutes: 600,
    realLivingWagePencePerHour: 1345,
  },
  'italian-type-a': {
    template: 'italian-type-a',
    name: 'Italian Type A social co-operative',
    admittedClasses: ['worker', 'volunteer', 'service-user-or-family', 'community-supporter'],
    board: [
      { stakeholderClass: 'worker', seats: 3, capPercent: null },
      { stakeholderClass: 'volunteer', seats: 2, capPercent: 50 },
      { stakeholderClass: 'service-user-or-family', seats: 1, capPercent: null },
      { stakeholderClass: 'community-supporter', seats: 1, capPercent: null },
    ],
    quorumPercent: 50,
    ordinaryMajorityPercent: 50,
    specialMajorityPercent: 67,
    minimumMembers: 9,
    shareMinimumPence: 2_500,
    shareMaximumPence: 10_000_000,
    timeCreditOverdraftMinutes: 300,
    realLivingWagePencePerHour: 900,
  },
};

export function totalSeats(rulebook: Pick<Rulebook, 'board'>): number {
  return rulebook.board.reduce((sum, c) => sum + c.seats, 0);
}

export function seatsFor(rulebook: Pick<Rulebook, 'board'>, cls: StakeholderClass): ClassSeats | undefined {
  return rulebook.board.find((c) => c.stakeholderClass === cls);
}
