import { allowedRoundActions, ROUND_ACTIONS, ROUND_STATES, RoundAction, RoundState, roundTransition } from './round-state.rules';

describe('the purchasing round state machine', () => {
  const allowed: [RoundState, RoundAction, RoundState][] = [
    ['draft', 'open', 'open'],
    ['draft', 'cancel', 'cancelled'],
    ['open', 'close', 'closed'],
    ['open', 'cancel', 'cancelled'],
    ['closed', 'order', 'ordered'],
    ['closed', 'cancel', 'cancelled'],
    ['ordered', 'deliver', 'delivered'],
    ['ordered', 'cancel', 'cancelled'],
  ];

  it.each(allowed)('lets a %s round be %sed (→ %s)', (state, action, next) => {
    expect(roundTransition(state, action)).toEqual({ next });
  });

  const refused = ROUND_STATES.flatMap((state) =>
    ROUND_ACTIONS.filter((action) => !allowed.some(([s, a]) => s === state && a === action)).map((action) => [state, action] as const),
  );

  it.each(refused)('refuses to %s round the action %s, naming its state', (state, action) => {
    const outcome = roundTransition(state, action);
    expect(outcome).toEqual({
      violation: { rule: 'PURCHASING.TRANSITION_REFUSED', message: expect.stringContaining(`a round that is ${state} cannot be`) },
    });
  });

  it('refuses at least one action in every state, and everything once delivered or cancelled', () => {
    for (const state of ROUND_STATES) expect(refused.some(([s]) => s === state)).toBe(true);
    expect(allowedRoundActions('delivered')).toEqual([]);
    expect(allowedRoundActions('cancelled')).toEqual([]);
    expect(allowedRoundActions('closed')).toEqual(['order', 'cancel']);
  });

  it('says what was refused in plain words', () => {
    expect(roundTransition('open', 'order')).toEqual({
      violation: { rule: 'PURCHASING.TRANSITION_REFUSED', message: 'a round that is open cannot be ordered' },
    });
  });
});
