import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { NestedEach } from '../validation';

/**
 * The parts of the joint-purchasing messages: a round, the catalogue items it buys with their
 * prices, and a co-op's share of the order. Supplier and item facts and the co-op's own totals only:
 * nothing here names a person.
 */

/** Bounds shared by the hub's API and the messages, so a value the hub accepts always travels. */
export const PURCHASING_LIMITS = Object.freeze({
  maxItemsPerRound: 50,
  maxPriceBreaks: 10,
  maxLocalities: 50,
  maxQuantity: 1_000_000,
  maxUnitPricePence: 10_000_000,
  maxOrderChargePence: 10_000_000,
  /**
   * The most one co-op's line of a round may come to, in pence: quantity × the solo unit price plus
   * the whole order charge (what buying alone would cost, the largest figure an allocation line shows)
   * must stay within it. That keeps every figure well inside a safe integer and a bigint column; a
   * commitment above it is refused on the node and on the hub (`lineLimitProblem`).
   */
  maxLinePence: 1_000_000_000_000,
});

/** What `quantity` units of an item cost a co-op buying alone: the solo price for each, and the whole order charge. */
export function soloLinePence(quantity: number, item: { soloUnitPricePence: number; orderChargePence: number }): number {
  return quantity === 0 ? 0 : quantity * item.soloUnitPricePence + item.orderChargePence;
}

/**
 * Why a commitment of `quantity` units is too large for one line (see `maxLinePence`), in words that
 * name the field; null when it fits. A co-op's share is never more than its solo cost, so checking
 * the solo cost bounds every pence figure of its allocation line.
 */
export function lineLimitProblem(quantity: number, item: { soloUnitPricePence: number; orderChargePence: number }): string | null {
  const line = soloLinePence(quantity, item);
  if (line <= PURCHASING_LIMITS.maxLinePence) return null;
  const most = Math.max(0, Math.floor((PURCHASING_LIMITS.maxLinePence - item.orderChargePence) / item.soloUnitPricePence));
  return `quantity ${quantity} at ${item.soloUnitPricePence}p a unit (plus the ${item.orderChargePence}p order charge) comes to ${line}p, more than the ${PURCHASING_LIMITS.maxLinePence}p one co-op's line may reach: commit at most ${most}`;
}

/** From `minQuantity` units in the whole order (every co-op's together), each unit costs `unitPricePence`. */
export class PriceBreakV1 {
  @IsInt()
  @Min(2)
  @Max(PURCHASING_LIMITS.maxQuantity)
  minQuantity: number;

  @IsInt()
  @Min(1)
  @Max(PURCHASING_LIMITS.maxUnitPricePence)
  unitPricePence: number;
}

/** Which catalogue item, as both a round's items and a co-op's allocation name it. */
export abstract class CatalogueItemRefV1 {
  @IsUUID('4')
  itemId: string;

  @IsString()
  @Length(2, 120)
  name: string;

  @IsString()
  @Length(2, 120)
  supplier: string;

  /** What one unit is, e.g. "box of 100 nitrile gloves", "one DBS check", "a place on the course". */
  @IsString()
  @Length(1, 60)
  unit: string;
}

/** A catalogue item as a round buys it: its prices are fixed when the round opens. */
export class RoundItemV1 extends CatalogueItemRefV1 {
  /** What one unit costs a co-op buying alone. */
  @IsInt()
  @Min(1)
  @Max(PURCHASING_LIMITS.maxUnitPricePence)
  soloUnitPricePence: number;

  /** The supplier's charge per order (delivery, set-up): a co-op buying alone pays all of it. */
  @IsInt()
  @Min(0)
  @Max(PURCHASING_LIMITS.maxOrderChargePence)
  orderChargePence: number;

  @IsArray()
  @ArrayMaxSize(PURCHASING_LIMITS.maxPriceBreaks)
  @ValidateNested({ each: true })
  @NestedEach(PriceBreakV1)
  priceBreaks: PriceBreakV1[];

  /** The localities the supplier is local to: spend with it counts as local for a co-op serving one of them. */
  @IsArray()
  @ArrayMaxSize(PURCHASING_LIMITS.maxLocalities)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(2, 80, { each: true })
  localTo: string[];
}

/**
 * Every message about a round carries its head, so a node can record the round from whichever
 * message reaches it first (messages can overtake each other after a retry).
 */
export class RoundHeaderV1 {
  @IsUUID('4')
  roundId: string;

  @IsString()
  @Length(2, 120)
  title: string;

  @IsISO8601({ strict: true })
  closesAt: string;
}

/** One item of a co-op's share of an ordered round. */
export class AllocationLineV1 extends CatalogueItemRefV1 {
  @IsInt()
  @Min(1)
  @Max(PURCHASING_LIMITS.maxQuantity)
  quantity: number;

  /** The unit price of the tier the whole order reached. */
  @IsInt()
  @Min(1)
  @Max(PURCHASING_LIMITS.maxUnitPricePence)
  unitPricePence: number;

  /** The price break reached, or null when the order stayed at the solo price. */
  @ValidateIf((l: AllocationLineV1) => l.tierMinQuantity !== null)
  @IsInt()
  @Min(2)
  @Max(PURCHASING_LIMITS.maxQuantity)
  tierMinQuantity: number | null;

  /** The co-op's share of the order total, in pence. */
  @IsInt()
  @Min(0)
  @Max(PURCHASING_LIMITS.maxLinePence)
  allocatedPence: number;

  /** What the same quantity would have cost the co-op alone (solo price and a whole order charge). */
  @IsInt()
  @Min(0)
  @Max(PURCHASING_LIMITS.maxLinePence)
  soloPence: number;

  /** soloPence - allocatedPence. */
  @IsInt()
  @Min(0)
  @Max(PURCHASING_LIMITS.maxLinePence)
  savingPence: number;

  /** The supplier is local to a locality the co-op serves. */
  @IsBoolean()
  local: boolean;
}
