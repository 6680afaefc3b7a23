import type { RoundAction, RoundState, RoundView } from '../purchasing';

const STATES: Record<RoundState, string> = {
  draft: 'Draft',
  open: 'Open',
  closed: 'Closed',
  ordered: 'Ordered',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
};

/** The words a page shows for a round's state. */
export function roundStateLabel(state: RoundState): string {
  return STATES[state];
}

const STEPS: Record<RoundAction, { button: string; done: string }> = {
  open: { button: 'Open the round', done: 'The round is open: the invited co-ops have been sent it.' },
  close: { button: 'Close the round', done: 'The round is closed: no more commitments count.' },
  order: { button: 'Place the order', done: 'The order is placed: each co-op has been sent its share.' },
  deliver: { button: 'Mark as delivered', done: 'The round is marked as delivered.' },
  cancel: { button: 'Cancel the round', done: 'The round is cancelled: the invited co-ops have been told.' },
};

/** The steps a page offers, in the order of a round's life, from those the round's state allows. */
export function roundSteps(allowed: readonly RoundAction[]): { action: RoundAction; button: string }[] {
  return (Object.keys(STEPS) as RoundAction[])
    .filter((a) => allowed.includes(a))
    .map((action) => ({ action, button: STEPS[action].button }));
}

/** The banner after a step, for `?done=<action>` (or `created`); null for anything else. */
export function roundStepDone(done: unknown): string | null {
  if (done === 'created') return 'The round is drafted. Open it when it is ready: the co-ops are invited then.';
  return typeof done === 'string' && Object.hasOwn(STEPS, done) ? STEPS[done as RoundAction].done : null;
}

const ALLOCATION: Record<RoundView['allocationStatus'], string> = {
  preview: 'Preview: what the commitments so far would give',
  provisional: 'Provisional: kept at the close, final when the order is placed',
  final: 'Final: as ordered and sent to the co-ops',
  void: 'Void: the round was cancelled',
};

export function allocationStatusLabel(status: RoundView['allocationStatus']): string {
  return ALLOCATION[status];
}

/**
 * Each invited co-op's standing commitment to each item, as the allocation counts them, with the
 * co-op's totals (allocated, alone, saving): one row per co-op (named), one quantity per item in the
 * round's order. Co-ops and figures only; a round knows no people.
 */
export function commitmentRows(round: Pick<RoundView, 'invited' | 'items' | 'allocations' | 'coops'>) {
  return round.invited.map((coop) => {
    const totals = round.coops.find((t) => t.coopId === coop.coopId);
    return {
      coopId: coop.coopId,
      name: coop.name,
      quantities: round.items.map((i) => round.allocations.find((a) => a.coopId === coop.coopId && a.itemId === i.itemId)?.quantity ?? 0),
      allocatedPence: totals?.allocatedPence ?? 0,
      soloPence: totals?.soloPence ?? 0,
      savingPence: totals?.savingPence ?? 0,
      localSpendPence: totals?.localSpendPence ?? 0,
    };
  });
}
