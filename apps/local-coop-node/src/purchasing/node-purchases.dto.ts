import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

import { IsCalendarDate, IsOptionalNotNull, PageQuery, PageView } from '@app/platform';

import { MAX_PURCHASE_PENCE } from './node-purchase.rules';

export class RecordPurchaseDto {
  @ApiProperty({ maxLength: 120, example: 'Marsden Hardware' })
  @IsString()
  @Length(1, 120)
  supplier: string;

  @ApiProperty({ maxLength: 300, example: 'Grab rails and fittings' })
  @IsString()
  @Length(1, 300)
  description: string;

  @ApiProperty({ example: '2026-05-12', description: 'The day of the purchase (its invoice); not after today' })
  @IsCalendarDate()
  boughtOn: string;

  @ApiProperty({ minimum: 1, maximum: MAX_PURCHASE_PENCE, description: 'What the co-op paid, in pence' })
  @IsInt()
  @Min(1)
  @Max(MAX_PURCHASE_PENCE)
  amountPence: number;

  @ApiPropertyOptional({
    nullable: true,
    example: 'Marsden',
    description: 'The locality the supplier is local to, one the co-op serves; absent or null: not a local supplier',
  })
  @IsOptional()
  @IsString()
  @Length(2, 80)
  localTo?: string | null;
}

export class ListPurchasesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Bought on or after this day' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Bought on or before this day' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only purchases from local suppliers (or only from others)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  local?: 'true' | 'false';

  @ApiPropertyOptional({ maxLength: 120, description: 'Suppliers whose name contains this, any case' })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 120)
  supplier?: string;
}

export class PurchaseView {
  @ApiProperty() id: string;
  @ApiProperty() supplier: string;
  @ApiProperty() description: string;
  @ApiProperty() boughtOn: string;
  @ApiProperty() amountPence: number;
  @ApiProperty({ description: 'Whether the supplier is local to a locality the co-op serves' }) local: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) localTo: string | null;
}

export class PurchasePage extends PageView(PurchaseView) {}
