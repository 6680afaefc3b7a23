import { advancedState, localCommitRefusal, NODE_ROUND_STATES } from './purchasing.rules';

describe('a round on the node', () => {
  it('moves only forward, whatever order the hub’s messages arrive in', () => {
    expect(advancedState(null, 'closed')).toBe('closed');
    expect(advancedState('closed', 'open')).toBe('closed');
    expect(advancedState('open', 'ordered')).toBe('ordered');
    expect(advancedState('ordered', 'closed')).toBe('ordered');
    expect(advancedState('ordered', 'cancelled')).toBe('cancelled');
    for (const s of NODE_ROUND_STATES) expect(advancedState('cancelled', s)).toBe('cancelled');
  });

  it('refuses locally a commitment to a round it knows is no longer open, or past its closing time', () => {
    const closesAt = new Date('2026-05-08T17:00:00Z');
    expect(localCommitRefusal('open', closesAt, new Date('2026-05-08T16:59:59Z'))).toBeNull();
    expect(localCommitRefusal('open', closesAt, closesAt)).toEqual({
      rule: 'PURCHASING.ROUND_CLOSED',
      message: 'the round closed at 2026-05-08T17:00:00.000Z',
    });
    expect(localCommitRefusal('closed', closesAt, new Date('2026-05-08T10:00:00Z'))).toEqual({
      rule: 'PURCHASING.ROUND_NOT_OPEN',
      message: 'the round is closed: commitments are taken only while it is open',
    });
  });
});
