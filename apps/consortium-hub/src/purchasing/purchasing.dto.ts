import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

import { COOP_ID_PATTERN, PURCHASING_LIMITS } from '@app/contracts';
import { IsOptionalNotNull, IsTimestampWithZone } from '@app/platform';

import { ROUND_STATES, RoundState } from './round-state.rules';

const L = PURCHASING_LIMITS;

export class PriceBreakDto {
  @ApiProperty({ example: 50, description: 'From this many units in the whole order (all co-ops together)' })
  @IsInt()
  @Min(2)
  @Max(L.maxQuantity)
  minQuantity: number;

  @ApiProperty({ example: 549, description: 'Pence per unit at this break' })
  @IsInt()
  @Min(1)
  @Max(L.maxUnitPricePence)
  unitPricePence: number;
}

export class CreateCatalogueItemDto {
  @ApiProperty({ example: 'Nitrile gloves, medium' })
  @IsString()
  @Length(2, 120)
  name: string;

  @ApiProperty({ example: 'Colne Valley Medical Supplies' })
  @IsString()
  @Length(2, 120)
  supplier: string;

  @ApiProperty({ example: 'box of 100' })
  @IsString()
  @Length(1, 60)
  unit: string;

  @ApiProperty({ example: 650, description: 'Pence per unit for a co-op buying alone' })
  @IsInt()
  @Min(1)
  @Max(L.maxUnitPricePence)
  soloUnitPricePence: number;

  @ApiPropertyOptional({
    example: 995,
    default: 0,
    description: "The supplier's charge per order (delivery, set-up), in pence; a co-op buying alone pays all of it",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(L.maxOrderChargePence)
  orderChargePence?: number;

  @ApiPropertyOptional({ type: [PriceBreakDto], description: 'Rising quantities, falling prices, all below the solo price' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.maxPriceBreaks)
  @ValidateNested({ each: true })
  @Type(() => PriceBreakDto)
  priceBreaks?: PriceBreakDto[];

  @ApiPropertyOptional({ type: [String], example: ['Marsden', 'Slaithwaite'], description: 'Localities the supplier is local to' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.maxLocalities)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(2, 80, { each: true })
  localTo?: string[];
}

/** Any field of an item; an open round keeps the prices it opened with. */
export class UpdateCatalogueItemDto {
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @Length(2, 120) name?: string;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @Length(2, 120) supplier?: string;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @Length(1, 60) unit?: string;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsInt() @Min(1) @Max(L.maxUnitPricePence) soloUnitPricePence?: number;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsInt() @Min(0) @Max(L.maxOrderChargePence) orderChargePence?: number;

  @ApiPropertyOptional({ type: [PriceBreakDto], description: 'Replaces the whole schedule' })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(L.maxPriceBreaks)
  @ValidateNested({ each: true })
  @Type(() => PriceBreakDto)
  priceBreaks?: PriceBreakDto[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(L.maxLocalities)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(2, 80, { each: true })
  localTo?: string[];
}

export class CatalogueItemView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() supplier: string;
  @ApiProperty() unit: string;
  @ApiProperty() soloUnitPricePence: number;
  @ApiProperty() orderChargePence: number;
  @ApiProperty({ type: [PriceBreakDto] }) priceBreaks: PriceBreakDto[];
  @ApiProperty({ type: [String] }) localTo: string[];
  @ApiProperty() updatedAt: string;
}

export class CreateRoundDto {
  @ApiProperty({ example: 'Spring gloves and DBS checks' })
  @IsString()
  @Length(2, 120)
  title: string;

  @ApiProperty({ example: '2026-06-01T17:00:00+01:00', description: 'When commitments stop counting; the hub closes the round then' })
  @IsTimestampWithZone()
  closesAt: string;

  @ApiProperty({ type: [String], description: 'Catalogue item ids' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(L.maxItemsPerRound)
  @ArrayUnique()
  @IsUUID('4', { each: true })
  itemIds: string[];

  @ApiPropertyOptional({ type: [String], description: 'Co-ops to invite; every registered or trading co-op when left out' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @Matches(COOP_ID_PATTERN, { each: true, message: 'each value in coopIds must be a co-op id' })
  coopIds?: string[];
}

export class OpenRoundDto {
  @ApiPropertyOptional({ description: 'A new closing time, if the draft’s has passed or should change' })
  @IsOptional()
  @IsTimestampWithZone()
  closesAt?: string;
}

export class CancelRoundDto {
  @ApiPropertyOptional({ maxLength: 500, description: 'Why, told to the invited co-ops (about the purchase, never a person)' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class ItemOrderView {
  @ApiProperty() itemId: string;
  @ApiProperty() name: string;
  @ApiProperty() supplier: string;
  @ApiProperty() unit: string;
  @ApiProperty() soloUnitPricePence: number;
  @ApiProperty() orderChargePence: number;
  @ApiProperty({ type: [PriceBreakDto] }) priceBreaks: PriceBreakDto[];
  @ApiProperty({ type: [String] }) localTo: string[];
  @ApiProperty({ description: 'Units committed by every co-op together' }) totalQuantity: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'The price break reached; null at the solo price' }) tierMinQuantity:
    number | null;
  @ApiProperty() unitPricePence: number;
  @ApiProperty({ description: 'Unit price × total quantity + the order charge; 0 when nobody committed' }) orderTotalPence: number;
}

export class AllocationView {
  @ApiProperty() coopId: string;
  @ApiProperty() itemId: string;
  @ApiProperty() quantity: number;
  @ApiProperty() allocatedPence: number;
  @ApiProperty({ description: 'The same quantity bought alone' }) soloPence: number;
  @ApiProperty() savingPence: number;
  @ApiProperty({ description: 'The supplier is local to a locality the co-op serves' }) local: boolean;
}

export class CoopTotalsView {
  @ApiProperty() coopId: string;
  @ApiProperty() allocatedPence: number;
  @ApiProperty() soloPence: number;
  @ApiProperty() savingPence: number;
  @ApiProperty() localSpendPence: number;
}

export class InvitedCoopView {
  @ApiProperty() coopId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Has a standing commitment above 0 for at least one item' }) committed: boolean;
}

export class RoundView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ROUND_STATES }) state: RoundState;
  @ApiProperty() closesAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) openedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) closedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: "'schedule' when closed at the closing time by the hub" }) closedBy:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) orderedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) deliveredAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) cancelledAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty({
    enum: ['preview', 'provisional', 'final', 'void'],
    description: 'preview while open; provisional from the close (late commitments made before it still count); final from the order',
  })
  allocationStatus: 'preview' | 'provisional' | 'final' | 'void';
  @ApiProperty({ type: [InvitedCoopView] }) invited: InvitedCoopView[];
  @ApiProperty({ type: [ItemOrderView] }) items: ItemOrderView[];
  @ApiProperty({ type: [AllocationView] }) allocations: AllocationView[];
  @ApiProperty({ type: [CoopTotalsView] }) coops: CoopTotalsView[];
  @ApiProperty() orderTotalPence: number;
  @ApiProperty() soloTotalPence: number;
  @ApiProperty() savingPence: number;
  @ApiProperty({ description: 'Allocations for items from suppliers local to the paying co-op' }) localSpendPence: number;
}

export class RoundSummaryView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ROUND_STATES }) state: RoundState;
  @ApiProperty() closesAt: string;
  @ApiProperty() items: number;
  @ApiProperty() invited: number;
  @ApiProperty({ description: 'Co-ops with a standing commitment above 0' }) committed: number;
}

export class CommitmentReceivedView {
  @ApiProperty() messageId: string;
  @ApiProperty() coopId: string;
  @ApiProperty() itemId: string;
  @ApiProperty() quantity: number;
  @ApiProperty({ description: "The node's time when its admin made it" }) committedAt: string;
  @ApiProperty() receivedAt: string;
  @ApiProperty({ enum: ['applied', 'superseded-on-arrival'] }) outcome: string;
}
