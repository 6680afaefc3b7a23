import { electionResult, majorityReached, motionResult, quorumMet, windowState } from './governance.rules';

const rule = { ordinaryMajorityPercent: 50, specialMajorityPercent: 75, quorumPercent: 10 };

describe('voting window', () => {
  const opens = new Date('2026-11-01T09:00:00Z');
  const closes = new Date('2026-11-08T17:00:00Z');
  it('is upcoming before it opens, open inside, closed from the closing instant', () => {
    expect(windowState(new Date('2026-11-01T08:59:59Z'), opens, closes, false)).toBe('upcoming');
    expect(windowState(opens, opens, closes, false)).toBe('open');
    expect(windowState(new Date('2026-11-08T16:59:59Z'), opens, closes, false)).toBe('open');
    expect(windowState(closes, opens, closes, false)).toBe('closed');
  });
  it('is closed once a result is final, whatever the clock says', () => {
    expect(windowState(new Date('2026-11-02T00:00:00Z'), opens, closes, true)).toBe('closed');
  });
});

describe('quorum', () => {
  it('needs at least the quorum share of eligible members, the edge included', () => {
    expect(quorumMet(10, 100, 10)).toBe(true);
    expect(quorumMet(9, 100, 10)).toBe(false);
    expect(quorumMet(1, 3, 34)).toBe(false);
    expect(quorumMet(2, 3, 34)).toBe(true);
  });
  it('is never met with nobody eligible', () => expect(quorumMet(0, 0, 10)).toBe(false));
});

describe('majorities', () => {
  it('passes an ordinary resolution only with more than half of the votes for or against', () => {
    expect(majorityReached(6, 5, 'ordinary', rule)).toBe(true);
    expect(majorityReached(5, 5, 'ordinary', rule)).toBe(false);
  });
  it('passes a special resolution with at least three quarters, the edge included', () => {
    expect(majorityReached(75, 25, 'special', rule)).toBe(true);
    expect(majorityReached(74, 26, 'special', rule)).toBe(false);
    expect(majorityReached(3, 1, 'special', rule)).toBe(true);
  });
  it('leaves abstentions out of the majority and fails when nobody voted for or against', () => {
    expect(motionResult({ for: 3, against: 2, abstain: 50 }, 100, 55, 'ordinary', rule).passed).toBe(true);
    expect(majorityReached(0, 0, 'ordinary', rule)).toBe(false);
  });
  it('fails a motion that lacks quorum however it was voted', () => {
    expect(motionResult({ for: 9, against: 0, abstain: 0 }, 100, 9, 'ordinary', rule)).toMatchObject({
      quorumMet: false,
      passed: false,
      turnoutPercent: 9,
    });
  });
});

describe('board elections', () => {
  const c = (votes: number[]) => votes.map((v, i) => ({ key: `c${i}`, votes: v }));
  it('elects the most-voted candidates to the seats', () => {
    expect(electionResult(c([5, 9, 7, 1]), 2, 20, 12, 10)).toMatchObject({ elected: ['c1', 'c2'], tieAtCutoff: false, quorumMet: true });
  });
  it('never elects a candidate with no votes', () => {
    expect(electionResult(c([4, 0, 0]), 2, 10, 4, 10).elected).toEqual(['c0']);
  });
  it('breaks a tie for the last seat by nomination order and says so', () => {
    expect(electionResult(c([5, 3, 3]), 2, 10, 6, 10)).toMatchObject({ elected: ['c0', 'c1'], tieAtCutoff: true });
  });
  it('elects nobody without quorum', () => {
    expect(electionResult(c([1, 0]), 1, 100, 1, 10)).toMatchObject({ elected: [], quorumMet: false });
  });
});
