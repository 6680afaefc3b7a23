import type { StakeholderClass } from '@app/contracts';

import { BoardMember, boardViolations, Rulebook, seatsFor } from '../rulebook';

/** One stakeholder class on the board against the rulebook: its seats, who fills them, and whether its rules are met. */
export interface ClassBalance {
  stakeholderClass: StakeholderClass;
  seats: number;
  capPercent: number | null;
  filled: number;
  vacancies: number;
  met: boolean;
  /** The rules it breaks, in the rulebook's words (empty when met). */
  problems: string[];
}

export interface BoardBalance {
  classes: ClassBalance[];
  /** Rules about the whole board (a member in two seats), apart from any class. */
  boardProblems: string[];
  met: boolean;
}

/**
 * The board as it sits, judged by the same rule the API applies to a board after an election
 * (`boardViolations` against the rulebook's seats): each class within its seats and its cap, only
 * admitted classes sitting. A vacant seat is not a breach. Every class the rulebook gives seats is
 * listed, and any class sitting without seats too.
 */
export function boardBalance(board: readonly BoardMember[], rulebook: Rulebook): BoardBalance {
  const classes = [
    ...rulebook.board.map((c) => c.stakeholderClass),
    ...board.map((m) => m.stakeholderClass).filter((c) => !seatsFor(rulebook, c)),
  ].filter((c, i, all) => all.indexOf(c) === i);
  const rows = classes.map((cls): ClassBalance => {
    const sitting = board.filter((m) => m.stakeholderClass === cls);
    const rule = seatsFor(rulebook, cls);
    const problems = boardViolations(sitting, rulebook, 'seats')
      .filter((v) => v.rule !== 'GOVERNANCE.BOARD_DUPLICATE_MEMBER')
      .map((v) => v.message);
    const seats = rule?.seats ?? 0;
    return {
      stakeholderClass: cls,
      seats,
      capPercent: rule?.capPercent ?? null,
      filled: sitting.length,
      vacancies: Math.max(0, seats - sitting.length),
      met: problems.length === 0,
      problems,
    };
  });
  const boardProblems = boardViolations([...board], rulebook, 'seats')
    .filter((v) => v.rule === 'GOVERNANCE.BOARD_DUPLICATE_MEMBER')
    .map((v) => v.message);
  return { classes: rows, boardProblems, met: boardProblems.length === 0 && rows.every((r) => r.met) };
}
