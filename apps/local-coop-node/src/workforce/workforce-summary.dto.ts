import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import type { ContractType } from '@app/contracts';

export class WorkforceSummaryView {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ description: 'Staff employed on the last day' }) headcount: number;
  @ApiProperty({ description: 'Staff employed on the first day' }) headcountAtStart: number;
  @ApiProperty() starters: number;
  @ApiProperty() leavers: number;
  @ApiPropertyOptional({ nullable: true, description: 'Leavers per average headcount, %' }) turnoverPercent: number | null;
  @ApiProperty({ description: 'Headcount by contract type' }) byContractType: Record<ContractType, number>;
  @ApiProperty() onZeroHours: number;
  @ApiPropertyOptional({ nullable: true }) zeroHoursPercent: number | null;
  @ApiProperty() realLivingWagePencePerHour: number;
  @ApiProperty() paidAtLeastRealLivingWage: number;
  @ApiPropertyOptional({ nullable: true }) paidAtLeastRealLivingWagePercent: number | null;
  @ApiProperty({ description: 'Vacancies open at the end of the last day' }) openVacancies: number;
  @ApiPropertyOptional({ nullable: true, description: 'Open vacancies per post (filled or vacant), %' }) vacancyRatePercent: number | null;
}
