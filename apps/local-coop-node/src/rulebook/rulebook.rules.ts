import type { StakeholderClass } from '@app/contracts';

import { Rulebook, seatsFor, totalSeats } from './rulebook-templates.rules';

/** A broken rule: a stable code and a sentence that names the rule and the numbers. */
export interface RuleViolation {
  rule: string;
  message: string;
}

const label = (c: StakeholderClass) => c.replace(/-/g, ' ');
const pct = (n: number, d: number) => Math.round((n * 1000) / d) / 10;

/** A rulebook must be consistent with itself before a co-op can adopt it. */
export function rulebookViolations(r: Rulebook): RuleViolation[] {
  const v: RuleViolation[] = [];
  const seen = new Set<StakeholderClass>();
  for (const c of r.board) {
    if (seen.has(c.stakeholderClass))
      v.push({ rule: 'RULEBOOK.DUPLICATE_CLASS', message: `the board lists ${label(c.stakeholderClass)} more than once` });
    seen.add(c.stakeholderClass);
    if (!r.admittedClasses.includes(c.stakeholderClass) && c.seats > 0) {
      v.push({ rule: 'RULEBOOK.CLASS_NOT_ADMITTED', message: `${label(c.stakeholderClass)} has board seats but is not an admitted class` });
    }
  }
  const total = totalSeats(r);
  if (total === 0) v.push({ rule: 'RULEBOOK.NO_BOARD', message: 'the board must have at least one seat' });
  for (const c of r.board) {
    if (total > 0 && c.capPercent !== null && pct(c.seats, total) > c.capPercent) {
      v.push({
        rule: 'RULEBOOK.BOARD_CAP',
        message: `${label(c.stakeholderClass)} would hold ${c.seats} of ${total} seats (${pct(c.seats, total)}%), over its cap of ${c.capPercent}%`,
      });
    }
  }
  if (r.shareMinimumPence > r.shareMaximumPence) {
    v.push({
      rule: 'RULEBOOK.SHARE_LIMITS',
      message: `the minimum shareholding (${r.shareMinimumPence}p) is above the maximum (${r.shareMaximumPence}p)`,
    });
  }
  if (r.specialMajorityPercent < r.ordinaryMajorityPercent) {
    v.push({
      rule: 'RULEBOOK.MAJORITIES',
      message: `a special resolution (${r.specialMajorityPercent}%) cannot need less than an ordinary one (${r.ordinaryMajorityPercent}%)`,
    });
  }
  return v;
}

export interface BoardMember {
  memberId: string;
  stakeholderClass: StakeholderClass;
}

/**
 * Whether a board may sit as proposed. Each class may fill at most its own seats, only admitted
 * classes sit, and no class may hold more of the board than its cap. The cap is measured against
 * the board as it would sit (`denominator: 'sitting'`, for a whole board proposed at once) or
 * against the rulebook's seats (`'seats'`, after one class's election while other seats may be
 * vacant: a half-elected board is not a breach).
 */
export function boardViolations(board: BoardMember[], r: Rulebook, denominator: 'sitting' | 'seats' = 'sitting'): RuleViolation[] {
  const v: RuleViolation[] = [];
  const counts = new Map<StakeholderClass, number>();
  for (const m of board) counts.set(m.stakeholderClass, (counts.get(m.stakeholderClass) ?? 0) + 1);
  if (new Set(board.map((m) => m.memberId)).size !== board.length) {
    v.push({ rule: 'GOVERNANCE.BOARD_DUPLICATE_MEMBER', message: 'a member cannot hold two board seats' });
  }
  const size = denominator === 'sitting' ? board.length : totalSeats(r);
  for (const [cls, n] of counts) {
    if (!r.admittedClasses.includes(cls)) {
      v.push({ rule: 'GOVERNANCE.BOARD_CLASS_NOT_ADMITTED', message: `${label(cls)} is not a class this co-op admits` });
      continue;
    }
    const seats = seatsFor(r, cls)?.seats ?? 0;
    if (n > seats)
      v.push({
        rule: 'GOVERNANCE.BOARD_SEATS_EXCEEDED',
        message: `${label(cls)} would have ${n} board members; the rulebook gives it ${seats} seat${seats === 1 ? '' : 's'}`,
      });
    const cap = seatsFor(r, cls)?.capPercent ?? null;
    if (cap !== null && size > 0 && pct(n, size) > cap) {
      v.push({
        rule: 'GOVERNANCE.BOARD_CLASS_CAP',
        message: `${label(cls)} would hold ${n} of ${size} board seats (${pct(n, size)}%), over the rulebook's cap of ${cap}%`,
      });
    }
  }
  return v;
}
