import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { CONTRACT_TYPES, type ContractType } from '@app/contracts';
import { keyedBy } from '@app/platform';

export class WorkforceSummaryView {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ description: 'Staff employed on the last day' }) headcount: number;
  @ApiProperty({ description: 'Staff employed on the first day' }) headcountAtStart: number;
  @ApiProperty() starters: number;
  @ApiProperty({ description: 'Staff whose last day fell in the period, every contract type' }) leavers: number;
  @ApiProperty({ description: 'Permanent and zero-hours staff whose last day fell in the twelve months ending on the last day' })
  leaversLast12Months: number;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description:
      'The Skills for Care turnover rate, as in the return: leavers in the last twelve months over the permanent and zero-hours staff on the last day, bank left out, %',
  })
  turnoverPercent: number | null;
  @ApiProperty(keyedBy(CONTRACT_TYPES, 'number', 'Headcount by contract type')) byContractType: Record<ContractType, number>;
  @ApiProperty() onZeroHours: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) zeroHoursPercent: number | null;
  @ApiProperty() realLivingWagePencePerHour: number;
  @ApiProperty() paidAtLeastRealLivingWage: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) paidAtLeastRealLivingWagePercent: number | null;
  @ApiProperty({ description: 'Vacancies open at the end of the last day' }) openVacancies: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Open vacancies per post (filled or vacant), %' }) vacancyRatePercent:
    number | null;
}
