import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsUUID, Max, Min } from 'class-validator';

import { PURCHASING_LIMITS } from '@app/contracts';

import { NODE_ROUND_STATES, NodeRoundState } from './purchasing.rules';

export class CommitQuantityDto {
  @ApiProperty({ description: "The item's id, as the round lists it" })
  @IsUUID('4')
  itemId: string;

  @ApiProperty({ example: 12, description: 'Units of the item the co-op will buy in this round; a new value amends the last, 0 withdraws' })
  @IsInt()
  @Min(0)
  @Max(PURCHASING_LIMITS.maxQuantity)
  quantity: number;
}

export class CommitmentSentView {
  @ApiProperty() messageId: string;
  @ApiProperty() roundId: string;
  @ApiProperty() itemId: string;
  @ApiProperty() quantity: number;
  @ApiProperty({ description: "This node's clock when it was made" }) committedAt: string;
  @ApiProperty({
    enum: ['pending', 'published', 'confirmed', 'rejected'],
    description: 'confirmed: the hub counted it; rejected: see reason',
  })
  status: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: "The hub's reason for refusing it" }) reason: string | null;
}

export class PriceBreakView {
  @ApiProperty() minQuantity: number;
  @ApiProperty() unitPricePence: number;
}

export class RoundItemView {
  @ApiProperty() itemId: string;
  @ApiProperty() name: string;
  @ApiProperty() supplier: string;
  @ApiProperty() unit: string;
  @ApiProperty() soloUnitPricePence: number;
  @ApiProperty() orderChargePence: number;
  @ApiProperty({ type: [PriceBreakView] }) priceBreaks: PriceBreakView[];
  @ApiProperty({ type: [String] }) localTo: string[];
  @ApiProperty({ description: 'The latest commitment sent that the hub has not refused; 0 if none' }) committedQuantity: number;
  @ApiProperty({ type: [CommitmentSentView], description: 'Every commitment sent for the item, newest first' })
  commitments: CommitmentSentView[];
}

export class AllocationLineView {
  @ApiProperty() itemId: string;
  @ApiProperty() name: string;
  @ApiProperty() supplier: string;
  @ApiProperty() unit: string;
  @ApiProperty() quantity: number;
  @ApiProperty({ description: 'The unit price of the tier the whole order reached' }) unitPricePence: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) tierMinQuantity: number | null;
  @ApiProperty() allocatedPence: number;
  @ApiProperty() soloPence: number;
  @ApiProperty() savingPence: number;
  @ApiProperty() local: boolean;
}

export class AllocationView {
  @ApiProperty({ type: [AllocationLineView] }) lines: AllocationLineView[];
  @ApiProperty({ description: 'What the co-op pays for the round' }) allocatedPence: number;
  @ApiProperty({ description: 'What the same would have cost bought alone' }) soloPence: number;
  @ApiProperty() savingPence: number;
  @ApiProperty({ description: 'Paid to suppliers local to a locality the co-op serves' }) localSpendPence: number;
}

export class RoundView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: NODE_ROUND_STATES }) state: NodeRoundState;
  @ApiProperty() closesAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) openedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) closedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) orderedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) deliveredAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) cancelledAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty({ type: [RoundItemView] }) items: RoundItemView[];
  @ApiPropertyOptional({ nullable: true, type: AllocationView, description: "The co-op's final share, once the round is ordered" })
  allocation: AllocationView | null;
}
