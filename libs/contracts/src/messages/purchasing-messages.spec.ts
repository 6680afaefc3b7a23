import { randomUUID } from 'node:crypto';

import { findDefinition } from '../catalog';
import { buildMessage, ContractViolation } from '../message-codec';
import { checkAgainst } from '../validation';
import { PURCHASING_ALLOCATION_MADE_V1, PurchasingAllocationMadeV1 } from './purchasing-allocation-made.v1';
import { PURCHASING_COMMITMENT_MADE_V1, PurchasingCommitmentMadeV1 } from './purchasing-commitment-made.v1';
import { lineLimitProblem, PURCHASING_LIMITS, soloLinePence } from './purchasing-round.payload';
import { PURCHASING_ROUND_OPENED_V1, PurchasingRoundOpenedV1 } from './purchasing-round-opened.v1';
import { PURCHASING_ROUND_STATE_CHANGED_V1, PurchasingRoundStateChangedV1 } from './purchasing-round-state-changed.v1';

const head = { roundId: randomUUID(), title: 'Spring supplies', closesAt: '2026-06-01T16:00:00.000Z' };
const item = {
  itemId: randomUUID(),
  name: 'Nitrile gloves',
  supplier: 'Colne Valley Medical Supplies',
  unit: 'box of 100',
  soloUnitPricePence: 650,
  orderChargePence: 995,
  priceBreaks: [{ minQuantity: 10, unitPricePence: 599 }],
  localTo: ['Marsden'],
};

describe('the joint-purchasing messages', () => {
  it('are in the catalogue, each in its direction', () => {
    expect(findDefinition('hub-to-coop', 'purchasing.round-opened', 1)).toBe(PURCHASING_ROUND_OPENED_V1);
    expect(findDefinition('coop-to-hub', 'purchasing.commitment-made', 1)).toBe(PURCHASING_COMMITMENT_MADE_V1);
    expect(findDefinition('hub-to-coop', 'purchasing.allocation-made', 1)).toBe(PURCHASING_ALLOCATION_MADE_V1);
    expect(findDefinition('hub-to-coop', 'purchasing.round-state-changed', 1)).toBe(PURCHASING_ROUND_STATE_CHANGED_V1);
    expect(findDefinition('hub-to-coop', 'purchasing.commitment-made', 1)).toBeUndefined();
  });

  it('accept a well-formed round, commitment, allocation and notice', () => {
    expect(checkAgainst(PurchasingRoundOpenedV1, { ...head, openedAt: '2026-05-01T09:00:00.000Z', items: [item] }).ok).toBe(true);
    expect(
      checkAgainst(PurchasingCommitmentMadeV1, {
        roundId: head.roundId,
        itemId: item.itemId,
        quantity: 0,
        committedAt: '2026-05-02T10:00:00.000Z',
      }).ok,
    ).toBe(true);
    const line = {
      itemId: item.itemId,
      name: item.name,
      supplier: item.supplier,
      unit: item.unit,
      quantity: 7,
      unitPricePence: 599,
      tierMinQuantity: null,
      allocatedPence: 4_068,
      soloPence: 5_545,
      savingPence: 1_477,
      local: true,
    };
    expect(checkAgainst(PurchasingAllocationMadeV1, { ...head, orderedAt: '2026-06-02T09:00:00.000Z', lines: [line] }).ok).toBe(true);
    expect(
      checkAgainst(PurchasingRoundStateChangedV1, {
        ...head,
        state: 'cancelled',
        at: '2026-06-02T09:00:00.000Z',
        reason: 'supplier withdrew',
      }).ok,
    ).toBe(true);
  });

  it('refuse bad input with a reason naming the field, nested ones included', () => {
    const bad = checkAgainst(PurchasingRoundOpenedV1, {
      ...head,
      openedAt: 'yesterday',
      items: [{ ...item, priceBreaks: [{ minQuantity: 1, unitPricePence: 599 }], soloUnitPricePence: -1 }],
    });
    expect(bad).toEqual({
      ok: false,
      errors: expect.arrayContaining([
        expect.stringMatching(/^openedAt/),
        expect.stringMatching(/items\.0\.soloUnitPricePence/),
        expect.stringMatching(/items\.0\.priceBreaks\.0\.minQuantity/),
      ]),
    });
    const quantity = checkAgainst(PurchasingCommitmentMadeV1, {
      roundId: head.roundId,
      itemId: item.itemId,
      quantity: 2.5,
      committedAt: '2026-05-02T10:00:00.000Z',
    });
    expect(quantity).toEqual({ ok: false, errors: ['quantity must be an integer number'] });
    const state = checkAgainst(PurchasingRoundStateChangedV1, { ...head, state: 'ordered', at: '2026-06-02T09:00:00.000Z' });
    expect(state.ok).toBe(false);
    expect(() =>
      buildMessage(
        PURCHASING_COMMITMENT_MADE_V1,
        { roundId: 'x', itemId: item.itemId, quantity: 1, committedAt: '2026-05-02T10:00:00.000Z' },
        { coopId: 'marsden' },
      ),
    ).toThrow(ContractViolation);
  });

  it('carry nothing about a person: unknown fields are refused', () => {
    const extra = checkAgainst(PurchasingCommitmentMadeV1, {
      roundId: head.roundId,
      itemId: item.itemId,
      quantity: 1,
      committedAt: '2026-05-02T10:00:00.000Z',
      orderedBy: 'Jane Smith',
    });
    expect(extra).toEqual({ ok: false, errors: ['orderedBy: property orderedBy should not exist'] });
  });

  it("bound one co-op's line: quantity × solo price + the order charge may not pass maxLinePence", () => {
    const dear = { soloUnitPricePence: PURCHASING_LIMITS.maxUnitPricePence, orderChargePence: 995 };
    expect(soloLinePence(0, dear)).toBe(0);
    expect(soloLinePence(7, item)).toBe(7 * 650 + 995);
    // 99,999 × £100,000 + £9.95 fits; 100,000 of them do not, and the reason says how many would.
    expect(lineLimitProblem(99_999, dear)).toBeNull();
    expect(lineLimitProblem(100_000, dear)).toBe(
      "quantity 100000 at 10000000p a unit (plus the 995p order charge) comes to 1000000000995p, more than the 1000000000000p one co-op's line may reach: commit at most 99999",
    );
    expect(lineLimitProblem(PURCHASING_LIMITS.maxQuantity, item)).toBeNull();
  });
});
