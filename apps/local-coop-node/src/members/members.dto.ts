import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';

import { STAKEHOLDER_CLASSES, StakeholderClass } from '@app/contracts';
import { IsOptionalNotNull, keyedBy, PageQuery, PageView } from '@app/platform';

const PHONE = /^[+0-9 ()-]{6,24}$/;

/** How to reach a member: optional, and each may be cleared. */
export class MemberContactDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be 6 to 24 digits, spaces, +, -, ( or )' })
  phone?: string;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;
}

export class AdmitMemberDto extends MemberContactDto {
  @ApiProperty({ enum: STAKEHOLDER_CLASSES })
  @IsIn(STAKEHOLDER_CLASSES)
  stakeholderClass: StakeholderClass;

  @ApiProperty({ maxLength: 120 })
  @IsString()
  @Length(1, 120)
  fullName: string;

  @ApiPropertyOptional({ example: '1950-04-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dateOfBirth must be a date, YYYY-MM-DD' })
  dateOfBirth?: string;

  @ApiPropertyOptional({ example: '2026-11-25', description: 'Defaults to today' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'admittedOn must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  admittedOn?: string;

  @ApiProperty({ description: 'Community shares bought on admission, in pence, within the rulebook limits' })
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  initialSharesPence: number;
}

/** What a member may change of their own record (and the admin of anyone's). */
export class UpdateMemberDto extends MemberContactDto {
  @ApiPropertyOptional({ maxLength: 120 })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 120)
  fullName?: string;
}

export class WithdrawMemberDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;

  @ApiPropertyOptional({ description: 'Defaults to today' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'withdrawnOn must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  withdrawnOn?: string;
}

export class ShareChangeDto {
  @ApiProperty({ enum: ['purchase', 'withdrawal'] })
  @IsIn(['purchase', 'withdrawal'])
  kind: 'purchase' | 'withdrawal';

  @ApiProperty({ description: 'pence' })
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  amountPence: number;
}

export class ListMembersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STAKEHOLDER_CLASSES })
  @IsOptional()
  @IsIn(STAKEHOLDER_CLASSES)
  stakeholderClass?: StakeholderClass;

  @ApiPropertyOptional({ enum: ['active', 'withdrawn'], default: 'active' })
  @IsOptional()
  @IsIn(['active', 'withdrawn', 'all'])
  status: 'active' | 'withdrawn' | 'all' = 'active';

  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  name?: string;
}

export class MemberView {
  @ApiProperty() id: string;
  @ApiProperty() memberNumber: number;
  @ApiProperty({ enum: STAKEHOLDER_CLASSES }) stakeholderClass: StakeholderClass;
  @ApiProperty() fullName: string;
  @ApiPropertyOptional({ nullable: true, type: String }) email: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) phone: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) address: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) dateOfBirth: string | null;
  @ApiProperty() admittedOn: string;
  @ApiPropertyOptional({ nullable: true, type: String }) withdrawnOn: string | null;
  @ApiProperty({ description: 'Community shares held, pence' }) sharesPence: number;
  @ApiProperty({ description: 'Always 1 while a member: one member, one vote, whatever the shares' }) votes: number;
}

export class MembersSummaryView {
  @ApiProperty() active: number;
  @ApiProperty(keyedBy(STAKEHOLDER_CLASSES, 'number', 'Active members per stakeholder class')) byClass: Record<StakeholderClass, number>;
  @ApiProperty() minimumMembers: number;
  @ApiProperty() meetsMinimum: boolean;
  @ApiProperty() sharesPence: number;
}

/** The member's own record in full, as their data export gives it. */
export class MemberRecordView extends MemberView {
  @ApiPropertyOptional({ nullable: true, type: String }) withdrawalReason: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'When the personal details were erased' }) erasedAt: string | null;
}

export class ShareEntryView {
  @ApiProperty({ enum: ['purchase', 'withdrawal'] }) kind: 'purchase' | 'withdrawal';
  @ApiProperty() amountPence: number;
  @ApiProperty() occurredAt: string;
}

export class ShareRegisterView {
  @ApiProperty({ description: 'Shares held now, pence' }) balancePence: number;
  @ApiProperty({ type: [ShareEntryView], description: 'Every purchase and withdrawal, oldest first' }) entries: ShareEntryView[];
}

export class MemberPage extends PageView(MemberView) {}
