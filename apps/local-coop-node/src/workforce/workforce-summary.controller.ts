import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Roles } from '@app/platform';
import { PeriodQuery } from '@app/platform';

import { WorkforceSummaryView } from './workforce-summary.dto';
import { WorkforceSummaryQueries } from './workforce-summary.queries';

@ApiTags('workforce')
@ApiBearerAuth()
@Controller('workforce')
export class WorkforceSummaryController {
  constructor(private readonly queries: WorkforceSummaryQueries) {}

  /** Headcount, starters and leavers, contract mix and pay against the Real Living Wage, over a period. */
  @Get('summary')
  @Roles('coop-admin')
  @ApiOkResponse({ type: WorkforceSummaryView })
  summary(@Query() query: PeriodQuery): Promise<WorkforceSummaryView> {
    return this.queries.summary(query);
  }
}
