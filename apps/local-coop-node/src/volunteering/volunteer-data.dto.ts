import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { ExpenseView } from './expenses.dto';
import { LEDGER_PURPOSES, LedgerPurpose } from './time-bank.rules';
import { HoursView, VolunteerView } from './volunteers.dto';

export class VolunteerRecordView extends VolunteerView {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'When the personal details were erased' }) erasedAt: string | null;
}

/** One of the volunteer's own ledger entries. The other side is named only as a kind, never as a person. */
export class OwnEntryView {
  @ApiProperty() occurredOn: string;
  @ApiProperty({ enum: LEDGER_PURPOSES }) purpose: LedgerPurpose;
  @ApiProperty({ description: 'Signed: negative when paid out, positive when received' }) minutes: number;
  @ApiProperty({ enum: ['the co-op', 'another volunteer', 'another co-op'] }) counterparty:
    'the co-op' | 'another volunteer' | 'another co-op';
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiProperty() recordedAt: string;
}

export class OwnTimeBankView {
  @ApiProperty({ description: 'Minutes; 60 is one credit' }) balanceMinutes: number;
  @ApiProperty({ type: [OwnEntryView], description: 'Oldest first' }) entries: OwnEntryView[];
}

/** Everything volunteering holds about one volunteer. */
export class VolunteerDataView {
  @ApiProperty({ type: VolunteerRecordView }) record: VolunteerRecordView;
  @ApiProperty({ type: [HoursView] }) hours: HoursView[];
  @ApiProperty({ type: OwnTimeBankView }) timeBank: OwnTimeBankView;
  @ApiProperty({ type: [ExpenseView] }) expenseClaims: ExpenseView[];
}
