import { localityKey } from '@app/contracts';

/**
 * Joint purchasing arithmetic, all in whole pence. For each item the whole order's quantity picks
 * the price break; the order costs that unit price times the quantity plus the supplier's charge per
 * order; each co-op pays a share of that total in proportion to its quantity. Shares are rounded
 * by the largest remainder method, so they add up to the order total exactly: no penny is lost or
 * invented, and the pennies left over by rounding down go to the largest fractions, ties to the
 * co-op id that sorts first, so the same inputs always give the same shares.
 */

export interface PriceBreak {
  minQuantity: number;
  unitPricePence: number;
}

export interface PricedItem {
  itemId: string;
  soloUnitPricePence: number;
  orderChargePence: number;
  priceBreaks: readonly PriceBreak[];
  /** Localities the supplier is local to. */
  localTo: readonly string[];
}

export interface Commitment {
  coopId: string;
  itemId: string;
  quantity: number;
}

export interface Tier {
  /** The price break reached, or null at the solo price. */
  minQuantity: number | null;
  unitPricePence: number;
}

export interface ItemOrder {
  itemId: string;
  totalQuantity: number;
  tier: Tier;
  /** 0 when nobody committed any: no order is placed for the item. */
  orderTotalPence: number;
}

export interface AllocationLine {
  coopId: string;
  itemId: string;
  quantity: number;
  allocatedPence: number;
  /** The same quantity bought alone: solo price, and the whole order charge. */
  soloPence: number;
  savingPence: number;
  local: boolean;
}

export interface RoundAllocation {
  items: ItemOrder[];
  lines: AllocationLine[];
  orderTotalPence: number;
  soloTotalPence: number;
  savingPence: number;
  /** Allocations for items whose supplier is local to a locality the paying co-op serves. */
  localSpendPence: number;
}

/**
 * The price break with the largest minimum the total quantity reaches; a total exactly at a break
 * gets that break. Below every break (or with none) it is the solo price.
 */
export function selectTier(item: Pick<PricedItem, 'soloUnitPricePence' | 'priceBreaks'>, totalQuantity: number): Tier {
  const reached = item.priceBreaks.filter((b) => totalQuantity >= b.minQuantity).sort((a, b) => b.minQuantity - a.minQuantity)[0];
  return reached
    ? { minQuantity: reached.minQuantity, unitPricePence: reached.unitPricePence }
    : { minQuantity: null, unitPricePence: item.soloUnitPricePence };
}

/**
 * Splits `totalPence` in proportion to the weights, in whole pence, summing exactly to the total.
 * Each share is first rounded down; the pennies left (fewer than there are shares) go one each to
 * the largest remainders, ties broken by key. BigInt keeps total × weight exact at any size.
 */
export function largestRemainder(totalPence: number, shares: readonly { key: string; weight: number }[]): Map<string, number> {
  if (!Number.isSafeInteger(totalPence) || totalPence < 0) throw new RangeError(`total must be whole pence, not ${totalPence}`);
  if (shares.some((s) => !Number.isSafeInteger(s.weight) || s.weight < 0))
    throw new RangeError('weights must be whole numbers, not negative');
  if (new Set(shares.map((s) => s.key)).size !== shares.length) throw new RangeError('each share needs its own key');
  const sum = shares.reduce((a, s) => a + BigInt(s.weight), 0n);
  const result = new Map<string, number>(shares.map((s) => [s.key, 0]));
  if (sum === 0n) {
    if (totalPence !== 0) throw new RangeError('a total cannot be shared among weights that are all zero');
    return result;
  }
  const total = BigInt(totalPence);
  const parts = shares.map((s) => ({ key: s.key, floor: (total * BigInt(s.weight)) / sum, remainder: (total * BigInt(s.weight)) % sum }));
  let left = total - parts.reduce((a, p) => a + p.floor, 0n);
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? compareKeys(a.key, b.key) : a.remainder > b.remainder ? -1 : 1,
  );
  for (const part of byRemainder) {
    result.set(part.key, Number(part.floor + (left > 0n ? 1n : 0n)));
    if (left > 0n) left--;
  }
  return result;
}

/** Code-point order, the same on every machine whatever its locale. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Demand, tier, order total and every co-op's share, for every item of a round. Commitments of 0 are
 * withdrawn ones and take no share. `coopLocalities` says where each co-op works, for the local flag.
 */
export function allocateRound(
  items: readonly PricedItem[],
  commitments: readonly Commitment[],
  coopLocalities: ReadonlyMap<string, readonly string[]>,
): RoundAllocation {
  const orders: ItemOrder[] = [];
  const lines: AllocationLine[] = [];
  for (const item of items) {
    const mine = commitments.filter((c) => c.itemId === item.itemId && c.quantity > 0).sort((a, b) => compareKeys(a.coopId, b.coopId));
    if (new Set(mine.map((c) => c.coopId)).size !== mine.length)
      throw new RangeError(`item ${item.itemId} has two commitments from one co-op`);
    const totalQuantity = mine.reduce((a, c) => a + c.quantity, 0);
    const tier = selectTier(item, totalQuantity);
    const orderTotalPence = totalQuantity === 0 ? 0 : tier.unitPricePence * totalQuantity + item.orderChargePence;
    orders.push({ itemId: item.itemId, totalQuantity, tier, orderTotalPence });
    const shares = largestRemainder(
      orderTotalPence,
      mine.map((c) => ({ key: c.coopId, weight: c.quantity })),
    );
    for (const c of mine) {
      const allocatedPence = shares.get(c.coopId)!;
      const soloPence = item.soloUnitPricePence * c.quantity + item.orderChargePence;
      const local = isLocal(item.localTo, coopLocalities.get(c.coopId) ?? []);
      lines.push({
        coopId: c.coopId,
        itemId: item.itemId,
        quantity: c.quantity,
        allocatedPence,
        soloPence,
        savingPence: soloPence - allocatedPence,
        local,
      });
    }
  }
  const sum = (f: (l: AllocationLine) => number) => lines.reduce((a, l) => a + f(l), 0);
  return {
    items: orders,
    lines,
    orderTotalPence: orders.reduce((a, o) => a + o.orderTotalPence, 0),
    soloTotalPence: sum((l) => l.soloPence),
    savingPence: sum((l) => l.savingPence),
    localSpendPence: sum((l) => (l.local ? l.allocatedPence : 0)),
  };
}

/**
 * A supplier is local to a co-op when it is local to one of the localities the co-op serves, compared
 * as `localityKey` says (case and stray spaces aside), the same comparison tendering uses.
 */
export function isLocal(supplierLocalities: readonly string[], coopLocalities: readonly string[]): boolean {
  const served = new Set(coopLocalities.map(localityKey));
  return supplierLocalities.some((l) => served.has(localityKey(l)));
}

export interface CoopTotals {
  coopId: string;
  allocatedPence: number;
  soloPence: number;
  savingPence: number;
  localSpendPence: number;
}

/** Each co-op's round: what it pays, what buying alone would have cost, its saving and its local spend. */
export function totalsByCoop(lines: readonly AllocationLine[]): CoopTotals[] {
  const byCoop = new Map<string, CoopTotals>();
  for (const l of lines) {
    const t = byCoop.get(l.coopId) ?? { coopId: l.coopId, allocatedPence: 0, soloPence: 0, savingPence: 0, localSpendPence: 0 };
    t.allocatedPence += l.allocatedPence;
    t.soloPence += l.soloPence;
    t.savingPence += l.savingPence;
    if (l.local) t.localSpendPence += l.allocatedPence;
    byCoop.set(l.coopId, t);
  }
  return [...byCoop.values()].sort((a, b) => compareKeys(a.coopId, b.coopId));
}
