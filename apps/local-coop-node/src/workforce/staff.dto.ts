import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

import { CONTRACT_TYPES, ContractType } from '@app/contracts';
import { IsCalendarDate, IsOptionalNotNull, PageQuery, PageView } from '@app/platform';

import { STAFF_ROLES, StaffRole } from './workforce.rules';

const MAX_PAY_PENCE = 100_000;
const DISADVANTAGED =
  'A disadvantaged person for the Italian Type B rule (Law 381/1991 art. 4). Special-category personal data: kept on this node only; the return carries only the share';
const MAX_MINUTES_PER_WEEK = 100 * 60;

export class HireStaffDto {
  @ApiProperty({ maxLength: 120 })
  @IsString()
  @Length(1, 120)
  fullName: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES)
  role: StaffRole;

  @ApiProperty({ enum: CONTRACT_TYPES })
  @IsIn(CONTRACT_TYPES)
  contractType: ContractType;

  @ApiProperty({ description: 'pence per hour' })
  @IsInt()
  @Min(1)
  @Max(MAX_PAY_PENCE)
  hourlyPayPence: number;

  @ApiProperty({ description: 'Guaranteed minutes a week; 0 only on zero-hours and bank contracts' })
  @IsInt()
  @Min(0)
  @Max(MAX_MINUTES_PER_WEEK)
  contractedMinutesPerWeek: number;

  @ApiProperty({ example: '2026-04-01' })
  @IsCalendarDate()
  startedOn: string;

  @ApiProperty({ minLength: 2, maxLength: 80 })
  @IsString()
  @Length(2, 80)
  locality: string;

  @ApiPropertyOptional({ nullable: true, description: 'The member record, when the employee is also a member' })
  @IsOptional()
  @IsUUID('4')
  memberId?: string | null;

  @ApiPropertyOptional({ default: false, description: DISADVANTAGED })
  @IsOptionalNotNull()
  @IsBoolean()
  disadvantaged?: boolean;
}

/** The start date is not here: visits and headcounts already rest on it. */
export class UpdateStaffDto {
  @ApiPropertyOptional({ maxLength: 120 })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 120)
  fullName?: string;

  @ApiPropertyOptional({ enum: STAFF_ROLES })
  @IsOptionalNotNull()
  @IsIn(STAFF_ROLES)
  role?: StaffRole;

  @ApiPropertyOptional({ enum: CONTRACT_TYPES })
  @IsOptionalNotNull()
  @IsIn(CONTRACT_TYPES)
  contractType?: ContractType;

  @ApiPropertyOptional({ description: 'pence per hour' })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(MAX_PAY_PENCE)
  hourlyPayPence?: number;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_MINUTES_PER_WEEK)
  contractedMinutesPerWeek?: number;

  @ApiPropertyOptional({ minLength: 2, maxLength: 80 })
  @IsOptionalNotNull()
  @IsString()
  @Length(2, 80)
  locality?: string;

  @ApiPropertyOptional({ nullable: true, description: 'null unlinks the member record' })
  @IsOptional()
  @IsUUID('4')
  memberId?: string | null;

  @ApiPropertyOptional({ description: DISADVANTAGED })
  @IsOptionalNotNull()
  @IsBoolean()
  disadvantaged?: boolean;
}

export class RecordLeavingDto {
  @ApiProperty({ example: '2026-10-31', description: 'The last day worked' })
  @IsCalendarDate()
  leftOn: string;

  @ApiProperty({ maxLength: 500 })
  @IsString()
  @Length(1, 500)
  reason: string;
}

export class ListStaffQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CONTRACT_TYPES })
  @IsOptional()
  @IsIn(CONTRACT_TYPES)
  contractType?: ContractType;

  @ApiPropertyOptional({ enum: STAFF_ROLES })
  @IsOptional()
  @IsIn(STAFF_ROLES)
  role?: StaffRole;

  @ApiPropertyOptional({ description: 'Only staff employed on this date' })
  @IsOptional()
  @IsCalendarDate()
  activeOn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(2, 80)
  locality?: string;
}

export class StaffView {
  @ApiProperty() id: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: STAFF_ROLES }) role: StaffRole;
  @ApiProperty({ enum: CONTRACT_TYPES }) contractType: ContractType;
  @ApiProperty({ description: 'pence per hour' }) hourlyPayPence: number;
  @ApiProperty() contractedMinutesPerWeek: number;
  @ApiProperty() startedOn: string;
  @ApiPropertyOptional({ nullable: true, type: String }) leftOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) leavingReason: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) memberId: string | null;
  @ApiProperty() locality: string;
  @ApiProperty({ description: 'Against the Real Living Wage in the rulebook in force' }) paidAtLeastRealLivingWage: boolean;
  @ApiProperty({ description: 'A disadvantaged worker for the Italian Type B rule; never leaves the node' }) disadvantaged: boolean;
}

export class RecordTrainingDto {
  @ApiProperty({ maxLength: 200, example: 'Moving and handling' })
  @IsString()
  @Length(1, 200)
  course: string;

  @ApiProperty({ example: '2026-05-01' })
  @IsCalendarDate()
  completedOn: string;

  @ApiPropertyOptional({ nullable: true, description: 'After completedOn; absent for training that does not lapse' })
  @IsOptional()
  @IsCalendarDate()
  expiresOn?: string | null;
}

export class TrainingView {
  @ApiProperty() id: string;
  @ApiProperty() staffId: string;
  @ApiProperty() course: string;
  @ApiProperty() completedOn: string;
  @ApiPropertyOptional({ nullable: true, type: String }) expiresOn: string | null;
  @ApiProperty({ description: 'Not lapsed today' }) current: boolean;
}

export class ListTrainingQuery extends PageQuery {}

/** A staff record linked to a member, with every training record, for the member's data export. */
export class StaffDataView {
  @ApiProperty({ type: StaffView }) record: StaffView;
  @ApiProperty({ type: [TrainingView], description: 'Newest first' }) training: TrainingView[];
}

export class StaffPage extends PageView(StaffView) {}

export class TrainingPage extends PageView(TrainingView) {}
