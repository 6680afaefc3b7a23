import {
  CLOCK_SKEW_LIMIT_MS,
  commitmentDeadline,
  CommitmentTiming,
  judgeCommitment,
  LATE_ARRIVAL_GRACE_MS,
  supersedes,
} from './commitment.rules';

const at = (iso: string) => new Date(iso);
const timing = (overrides: Partial<CommitmentTiming> = {}): CommitmentTiming => ({
  state: 'open',
  openedAt: at('2026-05-01T09:00:00Z'),
  closesAt: at('2026-05-08T17:00:00Z'),
  closedAt: null,
  orderedAt: null,
  occurredAt: '2026-05-05T10:00:00.000Z',
  now: at('2026-05-05T10:00:01Z'),
  ...overrides,
});
const ruleOf = (t: CommitmentTiming) => {
  const j = judgeCommitment(t);
  return j.counts ? null : j.violation.rule;
};

describe('when a commitment counts', () => {
  it('counts one made while the round is open, as made at the node’s time', () => {
    expect(judgeCommitment(timing())).toEqual({ counts: true, madeAt: at('2026-05-05T10:00:00Z') });
  });

  it('counts one made a millisecond before the closing time, not one made at it', () => {
    expect(ruleOf(timing({ occurredAt: '2026-05-08T16:59:59.999Z', now: at('2026-05-08T17:00:00Z') }))).toBeNull();
    expect(ruleOf(timing({ occurredAt: '2026-05-08T17:00:00.000Z', now: at('2026-05-08T17:00:00Z') }))).toBe('PURCHASING.ROUND_CLOSED');
  });

  it('refuses one made after the closing time even before the closing job has run, saying when it closed', () => {
    expect(judgeCommitment(timing({ occurredAt: '2026-05-08T17:00:05.000Z', now: at('2026-05-08T17:00:06Z') }))).toEqual({
      counts: false,
      violation: {
        rule: 'PURCHASING.ROUND_CLOSED',
        message: 'the round closed at 2026-05-08T17:00:00.000Z; this commitment was made at 2026-05-08T17:00:05.000Z, after the close',
      },
    });
  });

  it('counts one from a node that was offline: made before the close, arriving after it, before the order', () => {
    expect(
      ruleOf(
        timing({
          state: 'closed',
          closedAt: at('2026-05-08T17:00:00Z'),
          occurredAt: '2026-05-08T12:00:00.000Z',
          now: at('2026-05-09T08:00:00Z'),
        }),
      ),
    ).toBeNull();
  });

  it('uses the time staff closed the round by hand when that was before the closing time', () => {
    const early = { state: 'closed' as const, closedAt: at('2026-05-06T12:00:00Z'), now: at('2026-05-06T13:00:00Z') };
    expect(commitmentDeadline(timing(early))).toEqual(at('2026-05-06T12:00:00Z'));
    expect(ruleOf(timing({ ...early, occurredAt: '2026-05-06T11:59:59.000Z' }))).toBeNull();
    expect(ruleOf(timing({ ...early, occurredAt: '2026-05-06T12:00:01.000Z' }))).toBe('PURCHASING.ROUND_CLOSED');
  });

  it('refuses a commitment arriving more than the grace after the close, whatever time it claims', () => {
    const closedAt = at('2026-05-08T17:00:00Z');
    const closed = { state: 'closed' as const, closedAt };
    // Arriving exactly at the end of the grace still counts; a moment later it does not, however early it says it was made.
    expect(
      ruleOf(timing({ ...closed, occurredAt: '2026-05-08T12:00:00.000Z', now: new Date(closedAt.getTime() + LATE_ARRIVAL_GRACE_MS) })),
    ).toBeNull();
    const backdated = judgeCommitment(
      timing({ ...closed, occurredAt: '2026-05-02T12:00:00.000Z', now: new Date(closedAt.getTime() + LATE_ARRIVAL_GRACE_MS + 1_000) }),
    );
    expect(backdated).toEqual({
      counts: false,
      violation: {
        rule: 'PURCHASING.ROUND_CLOSED',
        message:
          'the round closed at 2026-05-08T17:00:00.000Z; this commitment arrived at 2026-05-09T17:00:01.000Z, more than 24 hours after the close, so it is refused whatever time it claims (it says 2026-05-02T12:00:00.000Z)',
      },
    });
  });

  it('refuses any commitment once the round is ordered, saying the allocation is final', () => {
    const j = judgeCommitment(
      timing({
        state: 'ordered',
        closedAt: at('2026-05-08T17:00:00Z'),
        orderedAt: at('2026-05-09T09:00:00Z'),
        occurredAt: '2026-05-08T12:00:00.000Z',
        now: at('2026-05-09T10:00:00Z'),
      }),
    );
    expect(j).toEqual({
      counts: false,
      violation: {
        rule: 'PURCHASING.ALLOCATION_FINAL',
        message: expect.stringContaining('the round was ordered at 2026-05-09T09:00:00.000Z: its allocation is final'),
      },
    });
    expect(ruleOf(timing({ state: 'delivered' }))).toBe('PURCHASING.ALLOCATION_FINAL');
  });

  it('refuses commitments to a draft or a cancelled round', () => {
    expect(ruleOf(timing({ state: 'draft', openedAt: null }))).toBe('PURCHASING.ROUND_NOT_OPEN');
    expect(ruleOf(timing({ state: 'cancelled' }))).toBe('PURCHASING.ROUND_CANCELLED');
  });

  it('takes a node clock up to the limit ahead of the hub as the arrival time, and refuses one further ahead', () => {
    const now = at('2026-05-05T10:00:00Z');
    expect(judgeCommitment(timing({ now, occurredAt: new Date(now.getTime() + CLOCK_SKEW_LIMIT_MS).toISOString() }))).toEqual({
      counts: true,
      madeAt: now,
    });
    const j = judgeCommitment(timing({ now, occurredAt: new Date(now.getTime() + CLOCK_SKEW_LIMIT_MS + 1_000).toISOString() }));
    expect(j).toEqual({
      counts: false,
      violation: { rule: 'PURCHASING.CLOCK_SKEW', message: expect.stringContaining("ahead of the receiver's clock") },
    });
  });

  it('does not let a clock running ahead slip a commitment made after the close in before it', () => {
    // Made 10 s after the close by a clock 2 minutes fast: within the limit, taken as arriving now.
    expect(ruleOf(timing({ occurredAt: '2026-05-08T17:02:10.000Z', now: at('2026-05-08T17:00:10Z') }))).toBe('PURCHASING.ROUND_CLOSED');
  });

  it('allows a node clock up to the limit behind when the round has just opened, and refuses one stamped long before it opened', () => {
    const openedAt = at('2026-05-01T09:00:00Z');
    expect(ruleOf(timing({ occurredAt: new Date(openedAt.getTime() - CLOCK_SKEW_LIMIT_MS).toISOString() }))).toBeNull();
    expect(ruleOf(timing({ occurredAt: '2026-04-30T09:00:00.000Z' }))).toBe('PURCHASING.CLOCK_SKEW');
  });
});

describe('amendments', () => {
  it('replace the standing commitment only when made later', () => {
    expect(supersedes(at('2026-05-05T10:00:00Z'), null)).toBe(true);
    expect(supersedes(at('2026-05-05T10:00:01Z'), at('2026-05-05T10:00:00Z'))).toBe(true);
    expect(supersedes(at('2026-05-05T09:59:59Z'), at('2026-05-05T10:00:00Z'))).toBe(false);
    expect(supersedes(at('2026-05-05T10:00:00Z'), at('2026-05-05T10:00:00Z'))).toBe(false);
  });
});
