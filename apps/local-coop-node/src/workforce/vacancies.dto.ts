import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

import { CONTRACT_TYPES, ContractType } from '@app/contracts';
import { IsCalendarDate, PageQuery, PageView } from '@app/platform';

import { STAFF_ROLES, StaffRole, VACANCY_STATUSES, VacancyStatus } from './workforce.rules';

export class OpenVacancyDto {
  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES)
  role: StaffRole;

  @ApiProperty({ enum: CONTRACT_TYPES })
  @IsIn(CONTRACT_TYPES)
  contractType: ContractType;

  @ApiProperty({ description: 'Minutes a week offered; 0 only on zero-hours and bank contracts' })
  @IsInt()
  @Min(0)
  @Max(100 * 60)
  minutesPerWeek: number;

  @ApiProperty({ description: 'pence per hour' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  hourlyPayPence: number;

  @ApiProperty({ minLength: 2, maxLength: 80 })
  @IsString()
  @Length(2, 80)
  locality: string;

  @ApiPropertyOptional({ description: 'Defaults to today' })
  @IsOptional()
  @IsCalendarDate()
  openedOn?: string;
}

const CLOSING_STATUSES = ['filled', 'withdrawn'] as const;

/** Closes a vacancy; an open vacancy's terms are not edited (withdraw it and open another). */
export class CloseVacancyDto {
  @ApiProperty({ enum: CLOSING_STATUSES })
  @IsIn(CLOSING_STATUSES)
  status: (typeof CLOSING_STATUSES)[number];

  @ApiPropertyOptional({ description: 'Defaults to today' })
  @IsOptional()
  @IsCalendarDate()
  closedOn?: string;
}

export class ListVacanciesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: [...VACANCY_STATUSES, 'all'], default: 'open' })
  @IsOptional()
  @IsIn([...VACANCY_STATUSES, 'all'])
  status: VacancyStatus | 'all' = 'open';

  @ApiPropertyOptional({ enum: STAFF_ROLES })
  @IsOptional()
  @IsIn(STAFF_ROLES)
  role?: StaffRole;

  @ApiPropertyOptional({ enum: CONTRACT_TYPES })
  @IsOptional()
  @IsIn(CONTRACT_TYPES)
  contractType?: ContractType;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(2, 80)
  locality?: string;
}

export class VacancyView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: STAFF_ROLES }) role: StaffRole;
  @ApiProperty({ enum: CONTRACT_TYPES }) contractType: ContractType;
  @ApiProperty() minutesPerWeek: number;
  @ApiProperty({ description: 'pence per hour' }) hourlyPayPence: number;
  @ApiProperty() locality: string;
  @ApiProperty() openedOn: string;
  @ApiPropertyOptional({ nullable: true, type: String }) closedOn: string | null;
  @ApiProperty({ enum: VACANCY_STATUSES }) status: VacancyStatus;
  @ApiProperty({ description: 'Against the Real Living Wage in the rulebook in force' }) paidAtLeastRealLivingWage: boolean;
  @ApiProperty({ description: "In the consortium's recruitment pool (PUT /vacancies/:id/pool)" }) pooled: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'When the post starts, as the pool shows it; set when first pooled' })
  startsOn: string | null;
}

export class VacancyPage extends PageView(VacancyView) {}
