import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

import { IsCalendarDate, keyedBy, PageQuery, PageView } from '@app/platform';

import { LEDGER_PURPOSES, LedgerPurpose, TRANSFER_PURPOSES, TransferPurpose } from './time-bank.rules';
import { AcrossCoopsSummaryView } from './time-credits-across.dto';

export class TransferDto {
  @ApiProperty({ description: 'The volunteer who received help and pays for it' })
  @IsUUID('4')
  fromVolunteerId: string;

  @ApiProperty({ description: 'The volunteer who gave the help' })
  @IsUUID('4')
  toVolunteerId: string;

  @ApiProperty({ description: 'Minutes of credit; 60 is one credit', minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  minutes: number;

  @ApiProperty({ enum: TRANSFER_PURPOSES })
  @IsIn(TRANSFER_PURPOSES)
  purpose: TransferPurpose;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ListTransfersQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Transfers paid or received by this volunteer' })
  @IsOptional()
  @IsUUID('4')
  volunteerId?: string;

  @ApiPropertyOptional({ enum: LEDGER_PURPOSES })
  @IsOptional()
  @IsIn(LEDGER_PURPOSES)
  purpose?: LedgerPurpose;

  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-03-31' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

/** Pages through the account's entries, newest first. */
export class AccountQuery extends PageQuery {}

export class TransferView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: LEDGER_PURPOSES }) purpose: LedgerPurpose;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Null when the co-op issued the credits for hours given, or they came from its clearing account',
  })
  fromVolunteerId: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: "Null when the credits went to the co-op's clearing account, paid to another co-op",
  })
  toVolunteerId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'For a payment across co-ops: the transfer it is part of' })
  timeCreditTransferId: string | null;
  @ApiProperty() minutes: number;
  @ApiPropertyOptional({ nullable: true, type: String }) volunteerHoursId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiProperty() occurredOn: string;
  @ApiProperty() recordedAt: Date;
}

export class EntryView {
  @ApiProperty() transferId: string;
  @ApiProperty({ description: 'Signed: negative when paid out, positive when received' }) minutes: number;
  @ApiProperty({ enum: LEDGER_PURPOSES }) purpose: LedgerPurpose;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: "The other volunteer, or null for the co-op's issuer or clearing account",
  })
  counterpartyVolunteerId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) counterpartyName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiProperty() occurredOn: string;
  @ApiProperty() recordedAt: Date;
}

export class EntryPage {
  @ApiProperty({ type: [EntryView] }) items: EntryView[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export class AccountView {
  @ApiProperty() volunteerId: string;
  @ApiProperty({ description: 'Minutes; 60 is one credit' }) balanceMinutes: number;
  @ApiProperty({ description: "The rulebook's overdraft: how far below zero the balance may go" }) overdraftMinutes: number;
  @ApiProperty({ description: 'What can still be spent' }) availableMinutes: number;
  @ApiProperty({ type: EntryPage }) entries: EntryPage;
}

export class PurposeTotals {
  @ApiProperty() transfers: number;
  @ApiProperty() minutes: number;
}

export class TimeBankSummaryView {
  @ApiPropertyOptional({ nullable: true, type: String }) from: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) to: string | null;
  @ApiProperty({ type: PurposeTotals, description: 'Credits issued for hours given' }) earned: PurposeTotals;
  @ApiProperty({ type: PurposeTotals, description: 'Credits exchanged between volunteers' }) exchanged: PurposeTotals;
  @ApiProperty(keyedBy(LEDGER_PURPOSES, PurposeTotals, 'Every purpose, earning included')) byPurpose: Record<LedgerPurpose, PurposeTotals>;
  @ApiProperty({ type: AcrossCoopsSummaryView, description: "Credits paid across co-ops, and the co-op's clearing balance" })
  acrossCoops: AcrossCoopsSummaryView;
}

export class TransferPage extends PageView(TransferView) {}
