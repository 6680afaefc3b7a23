import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';

import { IsCalendarDate, keyedBy, PageQuery, PageView } from '@app/platform';

import { VOLUNTEER_ACTIVITIES, VolunteerActivity } from './volunteer.rules';

export class CreateVolunteerDto {
  @ApiProperty({ maxLength: 120 })
  @IsString()
  @Length(1, 120)
  fullName: string;

  @ApiPropertyOptional({ description: 'The member this volunteer is, if they are one; they may then see their own records' })
  @IsOptional()
  @IsUUID('4')
  memberId?: string;

  @ApiPropertyOptional({ example: '2026-01-12', description: 'Defaults to today' })
  @IsOptional()
  @IsCalendarDate()
  joinedOn?: string;
}

export class DepartureDto {
  @ApiPropertyOptional({ example: '2026-03-31', description: 'Defaults to today' })
  @IsOptional()
  @IsCalendarDate()
  leftOn?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class PaidWorkDto {
  @ApiProperty({ example: '2026-04-06', description: 'The first day of the paid job' })
  @IsCalendarDate()
  on: string;

  @ApiProperty({ maxLength: 120, example: 'Care worker (zero-hours) at this co-op' })
  @IsString()
  @Length(1, 120)
  role: string;
}

export class LogHoursDto {
  @ApiProperty({ example: '2026-03-02' })
  @IsCalendarDate()
  workedOn: string;

  @ApiProperty({ enum: VOLUNTEER_ACTIVITIES })
  @IsIn(VOLUNTEER_ACTIVITIES)
  activity: VolunteerActivity;

  @ApiProperty({ description: 'Minutes given, earning the same minutes of time credit', minimum: 1, maximum: 1440 })
  @IsInt()
  @Min(1)
  @Max(1440)
  minutes: number;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ListVolunteersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['active', 'left', 'all'], default: 'active' })
  @IsOptional()
  @IsIn(['active', 'left', 'all'])
  status: 'active' | 'left' | 'all' = 'active';

  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  name?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only those who have (or have not) moved into paid work' })
  @IsOptional()
  @IsIn(['true', 'false'])
  inPaidWork?: 'true' | 'false';
}

export class ListHoursQuery extends PageQuery {
  @ApiPropertyOptional({ enum: VOLUNTEER_ACTIVITIES })
  @IsOptional()
  @IsIn(VOLUNTEER_ACTIVITIES)
  activity?: VolunteerActivity;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'First day, inclusive' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'Last day, inclusive' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export class VolunteerView {
  @ApiProperty() id: string;
  @ApiProperty() fullName: string;
  @ApiPropertyOptional({ nullable: true, type: String }) memberId: string | null;
  @ApiProperty() joinedOn: string;
  @ApiPropertyOptional({ nullable: true, type: String }) leftOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) leavingReason: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The volunteer-to-paid pathway' }) movedIntoPaidWorkOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) paidRole: string | null;
}

export class HoursView {
  @ApiProperty() id: string;
  @ApiProperty() volunteerId: string;
  @ApiProperty() workedOn: string;
  @ApiProperty({ enum: VOLUNTEER_ACTIVITIES }) activity: VolunteerActivity;
  @ApiProperty() minutes: number;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiProperty() recordedAt: Date;
  @ApiProperty({ description: 'The ledger transfer that credited these minutes' }) transferId: string;
}

export class VolunteeringSummaryView {
  @ApiPropertyOptional({ nullable: true, type: String }) from: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) to: string | null;
  @ApiProperty({ description: 'Volunteers active at the end of the period' }) activeVolunteers: number;
  @ApiProperty({ description: 'Minutes given in the period' }) minutesGiven: number;
  @ApiProperty(keyedBy(VOLUNTEER_ACTIVITIES, 'number', 'Minutes given per activity')) minutesByActivity: Record<VolunteerActivity, number>;
  @ApiProperty({ description: 'Volunteers whose paid work began in the period' }) movedIntoPaidWork: number;
}

export class VolunteerPage extends PageView(VolunteerView) {}

export class HoursPage extends PageView(HoursView) {}
