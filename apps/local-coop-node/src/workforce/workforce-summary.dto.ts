import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { CONTRACT_TYPES, type ContractType } from '@app/contracts';
import { keyedBy } from '@app/platform';

/** The Italian Type B rule on the last day of the period, as the board balance is shown: met or not, with its figures. */
export class DisadvantagedWorkersView {
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: "The rulebook's minimum share, %; null when the rulebook has no such rule",
  })
  minimumPercent: number | null;
  @ApiProperty({ description: 'Staff employed on the last day' }) workers: number;
  @ApiProperty({ description: 'Of them, disadvantaged people' }) disadvantaged: number;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Disadvantaged workers as a % of workers; null when nobody is employed',
  })
  percent: number | null;
  @ApiPropertyOptional({ nullable: true, type: Boolean, description: 'Whether the rule is met; null when the rulebook has no such rule' })
  met: boolean | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The broken rule, when it is not met' }) rule: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Why it is not met, with the figures' }) message: string | null;
}

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
  @ApiProperty({ type: DisadvantagedWorkersView }) disadvantagedWorkers: DisadvantagedWorkersView;
}
