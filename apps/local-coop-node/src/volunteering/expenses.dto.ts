import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

import { IsNumberWithDecimals } from '@app/contracts';
import { IsCalendarDate, PageQuery, PageView } from '@app/platform';

import { EXPENSE_KINDS, EXPENSE_STATUSES, ExpenseKind, ExpenseStatus, HMRC_MILEAGE_RATE_PENCE } from './expense.rules';

export class SubmitExpenseDto {
  @ApiProperty({ enum: EXPENSE_KINDS })
  @IsIn(EXPENSE_KINDS)
  kind: ExpenseKind;

  @ApiPropertyOptional({ description: 'Pence; required for every kind but mileage, where it is worked out' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  amountPence?: number;

  @ApiPropertyOptional({ description: 'Mileage claims only; to a tenth of a mile', example: 12.5 })
  @IsOptional()
  @IsNumberWithDecimals(1)
  @Min(0.1)
  @Max(10_000)
  miles?: number;

  @ApiPropertyOptional({ description: 'Mileage claims only; pence per mile', default: HMRC_MILEAGE_RATE_PENCE })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  ratePencePerMile?: number;

  @ApiProperty({ example: '2026-03-02' })
  @IsCalendarDate()
  incurredOn: string;

  @ApiProperty({ maxLength: 500 })
  @IsString()
  @Length(1, 500)
  description: string;
}

export class ApproveExpenseDto {
  @ApiPropertyOptional({ maxLength: 500, description: 'e.g. what was checked' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class RejectExpenseDto {
  @ApiProperty({ maxLength: 500 })
  @IsString()
  @Length(1, 500)
  reason: string;
}

export class PayExpenseDto {
  @ApiPropertyOptional({ maxLength: 100, description: 'e.g. the bank transfer reference' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  reference?: string;
}

export class ListExpensesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: EXPENSE_STATUSES })
  @IsOptional()
  @IsIn(EXPENSE_STATUSES)
  status?: ExpenseStatus;

  @ApiPropertyOptional({ enum: EXPENSE_KINDS })
  @IsOptional()
  @IsIn(EXPENSE_KINDS)
  kind?: ExpenseKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('4')
  volunteerId?: string;
}

export class ExpenseView {
  @ApiProperty() id: string;
  @ApiProperty() volunteerId: string;
  @ApiProperty({ enum: EXPENSE_KINDS }) kind: ExpenseKind;
  @ApiProperty() amountPence: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) miles: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) ratePencePerMile: number | null;
  @ApiProperty() incurredOn: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Null once the volunteer has been erased' }) description: string | null;
  @ApiProperty({ enum: EXPENSE_STATUSES }) status: ExpenseStatus;
  @ApiProperty() submittedAt: Date;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) approvedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String }) approvalNote: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) rejectedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String }) rejectionReason: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) paidAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String }) paymentReference: string | null;
}

export class ExpensePage extends PageView(ExpenseView) {}
