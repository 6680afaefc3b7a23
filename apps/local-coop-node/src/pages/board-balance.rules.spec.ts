import type { StakeholderClass } from '@app/contracts';

import { Rulebook, RULEBOOK_TEMPLATES } from '../rulebook';
import { boardBalance } from './board-balance.rules';

const rulebook: Rulebook = {
  ...Object.values(RULEBOOK_TEMPLATES)[0],
  admittedClasses: ['service-user-or-family', 'worker', 'volunteer'],
  board: [
    { stakeholderClass: 'service-user-or-family', seats: 2, capPercent: 50 },
    { stakeholderClass: 'worker', seats: 2, capPercent: 50 },
    { stakeholderClass: 'volunteer', seats: 1, capPercent: 20 },
  ],
};
let n = 0;
const seat = (stakeholderClass: StakeholderClass, memberId = `m-${++n}`) => ({ memberId, stakeholderClass });

describe('the board against the rulebook', () => {
  it('meets the rulebook with vacant seats: a half-elected board is no breach', () => {
    const balance = boardBalance([seat('worker')], rulebook);
    expect(balance.met).toBe(true);
    expect(balance.classes.map((c) => [c.stakeholderClass, c.filled, c.vacancies, c.met])).toEqual([
      ['service-user-or-family', 0, 2, true],
      ['worker', 1, 1, true],
      ['volunteer', 0, 1, true],
    ]);
  });

  it('marks a class holding more than its seats as not met, in the rulebook’s words', () => {
    const balance = boardBalance([seat('worker'), seat('worker'), seat('worker')], rulebook);
    const worker = balance.classes.find((c) => c.stakeholderClass === 'worker')!;
    expect(worker).toMatchObject({ filled: 3, vacancies: 0, met: false });
    expect(worker.problems.join(' ')).toContain('the rulebook gives it 2 seats');
    expect(balance.met).toBe(false);
  });

  it('lists a class sitting without seats, as not admitted', () => {
    const balance = boardBalance([seat('community-supporter')], rulebook);
    const row = balance.classes.find((c) => c.stakeholderClass === 'community-supporter')!;
    expect(row).toMatchObject({ seats: 0, filled: 1, met: false });
    expect(row.problems[0]).toContain('not a class this co-op admits');
  });

  it('names a member holding two seats as a problem of the whole board', () => {
    const balance = boardBalance([seat('worker', 'same'), seat('service-user-or-family', 'same')], rulebook);
    expect(balance.boardProblems).toEqual(['a member cannot hold two board seats']);
    expect(balance.met).toBe(false);
  });
});
