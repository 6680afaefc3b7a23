import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

import { FUNDING_TYPES, FundingType } from '@app/contracts';
import { IsCalendarDate, IsOptionalNotNull, PageQuery, PageView } from '@app/platform';

export class RegisterServiceUserDto {
  @ApiProperty({ maxLength: 120 })
  @IsString()
  @Length(1, 120)
  fullName: string;

  @ApiProperty({ example: '1941-07-12' })
  @IsCalendarDate()
  dateOfBirth: string;

  @ApiProperty({ maxLength: 300 })
  @IsString()
  @Length(1, 300)
  address: string;

  @ApiProperty({ minLength: 2, maxLength: 80 })
  @IsString()
  @Length(2, 80)
  locality: string;

  @ApiProperty({ enum: FUNDING_TYPES })
  @IsIn(FUNDING_TYPES)
  fundingType: FundingType;

  @ApiProperty({ example: '2026-04-01', description: 'First day of support' })
  @IsCalendarDate()
  startedOn: string;
}

export class UpdateServiceUserDto {
  @ApiPropertyOptional({ maxLength: 120 })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 120)
  fullName?: string;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 300)
  address?: string;

  @ApiPropertyOptional({ minLength: 2, maxLength: 80 })
  @IsOptionalNotNull()
  @IsString()
  @Length(2, 80)
  locality?: string;

  @ApiPropertyOptional({ enum: FUNDING_TYPES })
  @IsOptionalNotNull()
  @IsIn(FUNDING_TYPES)
  fundingType?: FundingType;

  @ApiPropertyOptional({ nullable: true, description: 'Last day of support; null resumes support' })
  @IsOptional()
  @IsCalendarDate()
  endedOn?: string | null;
}

export class ListServiceUsersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: FUNDING_TYPES })
  @IsOptional()
  @IsIn(FUNDING_TYPES)
  fundingType?: FundingType;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(2, 80)
  locality?: string;

  @ApiPropertyOptional({ description: 'Only people supported on this date' })
  @IsOptional()
  @IsCalendarDate()
  supportedOn?: string;

  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  name?: string;
}

export class ServiceUserView {
  @ApiProperty() id: string;
  @ApiProperty() fullName: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Null once the person has been erased' }) dateOfBirth: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Null once the person has been erased' }) address: string | null;
  @ApiProperty() locality: string;
  @ApiProperty({ enum: FUNDING_TYPES }) fundingType: FundingType;
  @ApiProperty() startedOn: string;
  @ApiPropertyOptional({ nullable: true, type: String }) endedOn: string | null;
}

export class ServiceUserPage extends PageView(ServiceUserView) {}
