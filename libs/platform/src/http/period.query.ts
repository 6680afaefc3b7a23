import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';

import { IsCalendarDate } from '../validation/validators';

/** `?from=&to=` for a report: calendar dates, both days included. */
export class PeriodQuery {
  @ApiProperty({ example: '2026-04-01', description: 'First day, included' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2027-03-31', description: 'Last day, included' })
  @IsCalendarDate()
  to: string;
}

/** The same with either end left open. */
export class OpenPeriodQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'First day, included' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'Last day, included' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}
