import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

import { PAYMENT_CODE_MAX_LENGTH, PAYMENT_CODE_PATTERN, PAYMENT_CODE_RULE, TIME_CREDIT_TRANSFER_LIMITS } from '@app/contracts';
import { PageQuery, PageView } from '@app/platform';

import { TRANSFER_PURPOSES, TransferPurpose } from './time-bank.rules';
import {
  CROSS_COOP_DIRECTIONS,
  CROSS_COOP_STATUSES,
  CrossCoopDirection,
  CrossCoopStatus,
  PAYMENT_CODE_DEFAULT_HOURS,
  PAYMENT_CODE_MAX_HOURS,
} from './time-credits-across.rules';

export class MakePaymentCodeDto {
  @ApiProperty({ description: 'The volunteer of this co-op to be paid: a member makes a code only for their own account' })
  @IsUUID('4')
  volunteerId: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: PAYMENT_CODE_MAX_HOURS,
    default: PAYMENT_CODE_DEFAULT_HOURS,
    description: 'Hours the code is good for',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(PAYMENT_CODE_MAX_HOURS)
  validForHours?: number;
}

export class PaymentCodeView {
  @ApiProperty() id: string;
  @ApiProperty({
    description: 'Shown this once: give it to whoever pays. Only its hash is kept',
    example: 'colne-valley.7K3M9Q2XWV4T8R6P1N5H',
  })
  code: string;
  @ApiProperty() volunteerId: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty() expiresAt: Date;
}

export class PayAcrossCoopsDto {
  @ApiProperty({
    description: 'The volunteer of this co-op who pays: a member pays only from their own account, if the rulebook lets members pay',
  })
  @IsUUID('4')
  fromVolunteerId: string;

  @ApiProperty({
    description: `The payment code the other co-op gave its member: ${PAYMENT_CODE_RULE}`,
    maxLength: PAYMENT_CODE_MAX_LENGTH,
  })
  @IsString()
  @MaxLength(PAYMENT_CODE_MAX_LENGTH)
  @Matches(PAYMENT_CODE_PATTERN, { message: `paymentCode must be a payment code: ${PAYMENT_CODE_RULE}` })
  paymentCode: string;

  @ApiProperty({ description: 'Minutes of credit; 60 is one credit', minimum: 1, maximum: TIME_CREDIT_TRANSFER_LIMITS.maxMinutes })
  @IsInt()
  @Min(1)
  @Max(TIME_CREDIT_TRANSFER_LIMITS.maxMinutes)
  minutes: number;

  @ApiProperty({ enum: TRANSFER_PURPOSES })
  @IsIn(TRANSFER_PURPOSES)
  purpose: TransferPurpose;

  @ApiPropertyOptional({ maxLength: 500, description: 'Kept on this node only; never sent' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ListAcrossCoopsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CROSS_COOP_DIRECTIONS })
  @IsOptional()
  @IsIn(CROSS_COOP_DIRECTIONS)
  direction?: CrossCoopDirection;

  @ApiPropertyOptional({ enum: CROSS_COOP_STATUSES })
  @IsOptional()
  @IsIn(CROSS_COOP_STATUSES)
  status?: CrossCoopStatus;

  @ApiPropertyOptional({ description: 'Transfers this volunteer paid or was paid' })
  @IsOptional()
  @IsUUID('4')
  volunteerId?: string;
}

export class AcrossCoopsTransferView {
  @ApiProperty({ description: 'The same id on the other co-op and on the hub' }) id: string;
  @ApiProperty({ enum: CROSS_COOP_DIRECTIONS }) direction: CrossCoopDirection;
  @ApiProperty({ description: 'The payer (outgoing) or the payee (incoming), of this co-op' }) volunteerId: string;
  @ApiProperty({ description: 'The co-op paid (outgoing) or paying (incoming)' }) otherCoopId: string;
  @ApiProperty() minutes: number;
  @ApiPropertyOptional({ enum: TRANSFER_PURPOSES, nullable: true }) purpose: TransferPurpose | null;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiProperty({
    enum: CROSS_COOP_STATUSES,
    description:
      'sent (waiting for the hub), forwarded (the hub passed it on), completed, refused (and given back), or withdrawn (received, then taken back: the hub gave it back to the payer while this co-op was out of the consortium)',
  })
  status: CrossCoopStatus;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Why it was refused or withdrawn' }) refusalReason: string | null;
  @ApiProperty() occurredOn: string;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional({ nullable: true, type: Date }) settledAt: Date | null;
}

export class AcrossCoopsTransferPage extends PageView(AcrossCoopsTransferView) {}

export class AcrossCoopsTotals {
  @ApiProperty() transfers: number;
  @ApiProperty() minutes: number;
}

/** The co-op's side of the consortium's clearing: a line of the time-bank summary. */
export class AcrossCoopsSummaryView {
  @ApiProperty({
    description: "The clearing account's balance in minutes: positive, the consortium owes the co-op; negative, the co-op owes it",
  })
  clearingBalanceMinutes: number;
  @ApiProperty({ type: AcrossCoopsTotals, description: 'Paid to other co-ops and credited there, in the period' }) sent: AcrossCoopsTotals;
  @ApiProperty({ type: AcrossCoopsTotals, description: 'Paid to this co-op by other co-ops, in the period' }) received: AcrossCoopsTotals;
  @ApiProperty({ type: AcrossCoopsTotals, description: 'Paid to other co-ops, refused there and given back, in the period' })
  returned: AcrossCoopsTotals;
  @ApiProperty({ type: AcrossCoopsTotals, description: 'Paid to other co-ops and not yet answered (now, whatever the period)' })
  underWay: AcrossCoopsTotals;
}
