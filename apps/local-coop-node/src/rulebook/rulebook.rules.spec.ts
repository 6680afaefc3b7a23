import { BoardMember, boardViolations, rulebookViolations } from './rulebook.rules';
import { Rulebook, RULEBOOK_TEMPLATES } from './rulebook-templates.rules';

const uk = RULEBOOK_TEMPLATES['uk-multi-stakeholder-cbs'];
const italy = RULEBOOK_TEMPLATES['italian-type-a'];
const members = (spec: Record<string, number>): BoardMember[] =>
  Object.entries(spec).flatMap(([cls, n]) =>
    Array.from({ length: n }, (_, i) => ({ memberId: `${cls}-${i}`, stakeholderClass: cls as BoardMember['stakeholderClass'] })),
  );

describe('rulebook consistency', () => {
  it.each(Object.entries(RULEBOOK_TEMPLATES))('the %s template is consistent', (_id, template) => {
    expect(rulebookViolations(template)).toEqual([]);
  });

  it('refuses seats that break a class cap, naming the rule and the numbers', () => {
    const r: Rulebook = {
      ...italy,
      board: [
        { stakeholderClass: 'worker', seats: 2, capPercent: null },
        { stakeholderClass: 'volunteer', seats: 3, capPercent: 50 },
      ],
    };
    expect(rulebookViolations(r)).toEqual([
      { rule: 'RULEBOOK.BOARD_CAP', message: 'volunteer would hold 3 of 5 seats (60%), over its cap of 50%' },
    ]);
  });

  it('refuses seats for a class the co-op does not admit, an empty board, inverted share limits and majorities', () => {
    const r: Rulebook = {
      ...uk,
      admittedClasses: ['worker'],
      board: [{ stakeholderClass: 'volunteer', seats: 0, capPercent: null }],
      shareMinimumPence: 500,
      shareMaximumPence: 100,
      specialMajorityPercent: 40,
    };
    expect(rulebookViolations(r).map((v) => v.rule)).toEqual(['RULEBOOK.NO_BOARD', 'RULEBOOK.SHARE_LIMITS', 'RULEBOOK.MAJORITIES']);
    expect(rulebookViolations({ ...uk, admittedClasses: ['worker'] }).map((v) => v.rule)).toContain('RULEBOOK.CLASS_NOT_ADMITTED');
  });
});

describe('board balance', () => {
  it('accepts a full board that matches the seats', () => {
    expect(boardViolations(members({ 'service-user-or-family': 3, worker: 3, volunteer: 2, 'community-supporter': 1 }), uk)).toEqual([]);
  });

  it('refuses a class filling more than its seats', () => {
    expect(boardViolations(members({ worker: 4, 'service-user-or-family': 3, volunteer: 2, 'community-supporter': 1 }), uk)).toEqual([
      { rule: 'GOVERNANCE.BOARD_SEATS_EXCEEDED', message: 'worker would have 4 board members; the rulebook gives it 3 seats' },
    ]);
  });

  it('refuses an Italian Type A board with volunteers over half of it', () => {
    expect(boardViolations(members({ worker: 1, volunteer: 2 }), italy)).toEqual([
      { rule: 'GOVERNANCE.BOARD_CLASS_CAP', message: "volunteer would hold 2 of 3 board seats (66.7%), over the rulebook's cap of 50%" },
    ]);
    expect(boardViolations(members({ worker: 2, volunteer: 2 }), italy)).toEqual([]);
  });

  it('holds volunteers to a third on the UK board, at the edge included', () => {
    expect(boardViolations(members({ 'service-user-or-family': 1, worker: 1, volunteer: 1 }), uk)).toEqual([]);
    expect(boardViolations(members({ 'service-user-or-family': 1, worker: 1, volunteer: 2 }), uk)).toEqual([
      { rule: 'GOVERNANCE.BOARD_CLASS_CAP', message: "volunteer would hold 2 of 4 board seats (50%), over the rulebook's cap of 33.3%" },
    ]);
  });

  it('measures caps against the seats after a single class election, so vacancies are not a breach', () => {
    expect(boardViolations(members({ volunteer: 2 }), italy, 'seats')).toEqual([]);
    expect(boardViolations(members({ volunteer: 2 }), italy, 'sitting').map((v) => v.rule)).toEqual(['GOVERNANCE.BOARD_CLASS_CAP']);
  });

  it('refuses a class the co-op does not admit and a member in two seats', () => {
    const r: Rulebook = { ...uk, admittedClasses: ['worker', 'service-user-or-family'] };
    const board = [
      ...members({ volunteer: 1, 'service-user-or-family': 2 }),
      { memberId: 'w', stakeholderClass: 'worker' as const },
      { memberId: 'w', stakeholderClass: 'worker' as const },
    ];
    expect(boardViolations(board, r).map((v) => v.rule)).toEqual([
      'GOVERNANCE.BOARD_DUPLICATE_MEMBER',
      'GOVERNANCE.BOARD_CLASS_NOT_ADMITTED',
    ]);
  });
});
