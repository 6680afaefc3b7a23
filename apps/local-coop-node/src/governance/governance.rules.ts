/**
 * Counting rules, as a co-op's rulebook states them. Pure functions: no framework, no database.
 */

export type Resolution = 'ordinary' | 'special';
export type WindowState = 'upcoming' | 'open' | 'closed';

export function windowState(now: Date, opensAt: Date, closesAt: Date, closed: boolean): WindowState {
  if (closed || now >= closesAt) return 'closed';
  return now < opensAt ? 'upcoming' : 'open';
}

/** Quorum: at least `quorumPercent` of the eligible members voted. No eligible members, no quorum. */
export function quorumMet(voted: number, eligible: number, quorumPercent: number): boolean {
  return eligible > 0 && voted * 100 >= quorumPercent * eligible;
}

export interface MajorityRule {
  ordinaryMajorityPercent: number;
  specialMajorityPercent: number;
}

/**
 * An ordinary resolution needs MORE than the ordinary share of the votes cast for or against
 * (abstentions count towards quorum, not towards the majority); a special one AT LEAST the
 * special share.
 */
export function majorityReached(forVotes: number, against: number, resolution: Resolution, rule: MajorityRule): boolean {
  const cast = forVotes + against;
  if (cast === 0) return false;
  return resolution === 'ordinary'
    ? forVotes * 100 > rule.ordinaryMajorityPercent * cast
    : forVotes * 100 >= rule.specialMajorityPercent * cast;
}

export interface MotionTally {
  for: number;
  against: number;
  abstain: number;
}

export interface MotionResult extends MotionTally {
  eligible: number;
  voted: number;
  turnoutPercent: number;
  quorumMet: boolean;
  passed: boolean;
}

export function motionResult(
  tally: MotionTally,
  eligible: number,
  voted: number,
  resolution: Resolution,
  rule: MajorityRule & { quorumPercent: number },
): MotionResult {
  const quorum = quorumMet(voted, eligible, rule.quorumPercent);
  return {
    ...tally,
    eligible,
    voted,
    turnoutPercent: turnout(voted, eligible),
    quorumMet: quorum,
    passed: quorum && majorityReached(tally.for, tally.against, resolution, rule),
  };
}

export interface CandidateTally {
  key: string;
  votes: number;
}

export interface ElectionResult {
  eligible: number;
  voted: number;
  turnoutPercent: number;
  quorumMet: boolean;
  /** Keys of the candidates elected, most votes first. */
  elected: string[];
  /** True when the last seat went to one of several candidates with equal votes. */
  tieAtCutoff: boolean;
  candidates: CandidateTally[];
}

/**
 * First past the post for `seats` seats: the candidates with most votes win, a candidate with no
 * votes never does. A tie for the last seat goes to the earlier nomination (candidates come in
 * nomination order) and is reported, so the co-op can re-run it if its rules say so.
 */
export function electionResult(
  candidates: CandidateTally[],
  seats: number,
  eligible: number,
  voted: number,
  quorumPercent: number,
): ElectionResult {
  const quorum = quorumMet(voted, eligible, quorumPercent);
  const ranked = candidates.map((c, i) => ({ ...c, i })).sort((a, b) => b.votes - a.votes || a.i - b.i);
  const elected = quorum ? ranked.filter((c) => c.votes > 0).slice(0, seats) : [];
  const last = elected[elected.length - 1];
  const tieAtCutoff = elected.length === seats && last !== undefined && ranked.some((c) => !elected.includes(c) && c.votes === last.votes);
  return {
    eligible,
    voted,
    turnoutPercent: turnout(voted, eligible),
    quorumMet: quorum,
    elected: elected.map((c) => c.key),
    tieAtCutoff,
    candidates,
  };
}

function turnout(voted: number, eligible: number): number {
  return eligible === 0 ? 0 : Math.round((voted * 1000) / eligible) / 10;
}
