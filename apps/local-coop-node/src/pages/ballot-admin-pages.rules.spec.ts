import type { BallotView } from '../governance';
import { shown } from './ballot-admin-pages.rules';

const ballot = (over: Partial<BallotView>): BallotView =>
  ({
    id: 'b1',
    kind: 'motion',
    title: 'Sell the minibus',
    description: null,
    resolution: 'ordinary',
    eligibleClasses: [],
    electionClass: null,
    seats: null,
    opensAt: '2026-07-01T08:30:00.000Z',
    closesAt: '2026-12-04T17:30:00.000Z',
    state: 'open',
    options: [],
    result: null,
    ...over,
  }) as BallotView;

describe('a ballot as the admin’s list shows it', () => {
  it('shows an open ballot’s window in UK time and its votes so far', () => {
    expect(shown(ballot({}), 3)).toMatchObject({
      kind: 'Motion',
      opens: '1 Jul 2026, 09:30',
      closes: '4 Dec 2026, 17:30',
      state: 'open',
      stateText: 'Open',
      turnout: '3 voted so far',
      closable: false,
    });
  });

  it('offers to count a ballot whose window has closed', () => {
    expect(shown(ballot({ state: 'closed' }), undefined)).toMatchObject({
      state: 'awaiting-count',
      stateText: 'Voting ended, not counted yet',
      turnout: '0 voted so far',
      closable: true,
    });
  });

  it('words a counted motion’s result and its quorum', () => {
    const result = { passed: true, for: 5, against: 1, abstain: 0, turnoutPercent: 60, voted: 6, eligible: 10, quorumMet: false };
    expect(shown(ballot({ state: 'closed', result: result as BallotView['result'] }), undefined)).toMatchObject({
      state: 'closed',
      turnout: '60% (6 of 10), no quorum',
      outcome: 'Passed: 5 for, 1 against, 0 abstaining',
      closable: false,
    });
  });

  it('names an election’s winners by their option labels', () => {
    const options = [{ key: 'm1', label: 'Ada Hopper' }] as BallotView['options'];
    const result = { elected: ['m1'], turnoutPercent: 50, voted: 5, eligible: 10, quorumMet: true };
    expect(shown(ballot({ kind: 'election', state: 'closed', options, result: result as BallotView['result'] }), undefined).outcome).toBe(
      'Elected: Ada Hopper',
    );
  });
});
