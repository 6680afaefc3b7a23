import { allowedRoundActions, ROUND_STATES } from '../purchasing/round-state.rules';
import { allocationStatusLabel, commitmentRows, roundStateLabel, roundStepDone, roundSteps } from './round-pages.rules';

describe('the steps a round’s page offers', () => {
  it('offers exactly what the round’s state allows, in the order of a round’s life', () => {
    expect(roundSteps(allowedRoundActions('draft')).map((s) => s.action)).toEqual(['open', 'cancel']);
    expect(roundSteps(allowedRoundActions('open')).map((s) => s.action)).toEqual(['close', 'cancel']);
    expect(roundSteps(allowedRoundActions('closed')).map((s) => s.button)).toEqual(['Place the order', 'Cancel the round']);
    expect(roundSteps(allowedRoundActions('ordered')).map((s) => s.action)).toEqual(['deliver', 'cancel']);
    expect(roundSteps(allowedRoundActions('delivered'))).toEqual([]);
    expect(roundSteps(allowedRoundActions('cancelled'))).toEqual([]);
  });

  it('names every state and says what each step did', () => {
    for (const state of ROUND_STATES) expect(roundStateLabel(state)).toMatch(/^[A-Z]/);
    expect(roundStepDone('order')).toContain('The order is placed');
    expect(roundStepDone('created')).toContain('drafted');
    expect(roundStepDone('toString')).toBeNull();
    expect(roundStepDone(['order'])).toBeNull();
    expect(allocationStatusLabel('final')).toMatch(/^Final/);
  });
});

describe('the co-ops’ commitments on a round’s page', () => {
  it('gives each invited co-op one quantity per item in the round’s order, 0 where it committed none, with its totals', () => {
    const rows = commitmentRows({
      invited: [
        { coopId: 'golcar', name: 'Golcar care co-op', committed: true },
        { coopId: 'honley', name: 'Honley care co-op', committed: false },
      ],
      items: [{ itemId: 'aprons' }, { itemId: 'gloves' }] as never,
      allocations: [
        { coopId: 'golcar', itemId: 'gloves', quantity: 8, allocatedPence: 4792, soloPence: 6195, savingPence: 1403, local: true },
      ],
      coops: [{ coopId: 'golcar', allocatedPence: 4792, soloPence: 6195, savingPence: 1403, localSpendPence: 4792 }],
    });
    expect(rows).toEqual([
      {
        coopId: 'golcar',
        name: 'Golcar care co-op',
        quantities: [0, 8],
        allocatedPence: 4792,
        soloPence: 6195,
        savingPence: 1403,
        localSpendPence: 4792,
      },
      {
        coopId: 'honley',
        name: 'Honley care co-op',
        quantities: [0, 0],
        allocatedPence: 0,
        soloPence: 0,
        savingPence: 0,
        localSpendPence: 0,
      },
    ]);
  });
});
