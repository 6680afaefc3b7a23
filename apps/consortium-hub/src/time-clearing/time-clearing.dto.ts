import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

import { PageQuery, PageView } from '@app/platform';

import { CLEARING_STATUSES, ClearingStatus } from './clearing.rules';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class ClearingLimitDto {
  @ApiProperty({
    minimum: 0,
    maximum: 6_000_000,
    description: 'The most, in minutes, any co-op may owe the consortium; 0 stops payments out',
  })
  @IsInt()
  @Min(0)
  @Max(6_000_000)
  limitMinutes: number;
}

export class ClearingLimitView {
  @ApiProperty() limitMinutes: number;
  @ApiProperty() updatedAt: Date;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Who set it; null for the default' }) updatedBy: string | null;
}

export class CoopClearingView {
  @ApiProperty() coopId: string;
  @ApiProperty({ description: 'Negative: the co-op owes the consortium hours; positive: it is owed' }) balanceMinutes: number;
  @ApiProperty({ description: 'What it can still pay out under the limit' }) headroomMinutes: number;
}

export class ClearingBalancesView {
  @ApiProperty() limitMinutes: number;
  @ApiProperty({ type: [CoopClearingView], description: 'Every co-op that has paid or been paid' }) coops: CoopClearingView[];
  @ApiProperty({ description: "The sum of every co-op's balance: 0 in a ledger that balances" }) totalMinutes: number;
  @ApiProperty() balanced: boolean;
  @ApiProperty({ description: 'Payments forwarded and not yet answered by the receiving co-op' }) underWay: number;
}

export class ExchangesQuery {
  @ApiPropertyOptional({ example: '2026-01', description: 'First month, included' })
  @IsOptional()
  @Matches(MONTH, { message: 'from must be a month, YYYY-MM' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12', description: 'Last month, included' })
  @IsOptional()
  @Matches(MONTH, { message: 'to must be a month, YYYY-MM' })
  to?: string;
}

/** Hours one co-op's members paid another's in a month: counts of hours and payments, never people. */
export class ExchangeView {
  @ApiProperty({ example: '2026-03', description: 'The month the payment completed (UK time)' }) month: string;
  @ApiProperty() fromCoopId: string;
  @ApiProperty() toCoopId: string;
  @ApiProperty() transfers: number;
  @ApiProperty() minutes: number;
  @ApiProperty({ description: 'minutes / 60, to two decimal places' }) hours: number;
}

export class ExchangesView {
  @ApiPropertyOptional({ nullable: true, type: String }) from: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) to: string | null;
  @ApiProperty({ type: [ExchangeView] }) items: ExchangeView[];
}

export class ListClearingTransfersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CLEARING_STATUSES })
  @IsOptional()
  @IsIn(CLEARING_STATUSES)
  status?: ClearingStatus;
}

export class ClearingTransferView {
  @ApiProperty() id: string;
  @ApiProperty() payingCoopId: string;
  @ApiProperty() receivingCoopId: string;
  @ApiProperty() minutes: number;
  @ApiProperty({ enum: CLEARING_STATUSES }) status: ClearingStatus;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: "The receiving co-op's reason when it refused, or that it left the consortium before it answered",
  })
  refusalReason: string | null;
  @ApiProperty() receivedAt: Date;
  @ApiPropertyOptional({ nullable: true, type: Date }) settledAt: Date | null;
}

export class ClearingTransferPage extends PageView(ClearingTransferView) {}
