import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Page, Roles } from '@app/platform';
import { PeriodQuery } from '@app/platform';

import { CareSummaryView, ContinuityListQuery, ContinuityPage, ContinuityView } from './care-reports.dto';
import { CareReportQueries } from './care-reports.queries';

@ApiTags('care')
@ApiBearerAuth()
@Roles('coop-admin')
@Controller('care')
export class CareReportsController {
  constructor(private readonly reports: CareReportQueries) {}

  /** People supported by funding type; visits and minutes planned and delivered by service type; goals improved. */
  @Get('summary')
  @ApiOkResponse({ type: CareSummaryView })
  summary(@Query() query: PeriodQuery): Promise<CareSummaryView> {
    return this.reports.summary(query);
  }

  /** Distinct carers per person in a month. */
  @Get('continuity')
  @ApiOkResponse({ type: ContinuityPage })
  continuity(@Query() query: ContinuityListQuery): Promise<Page<ContinuityView>> {
    return this.reports.continuity(query);
  }
}
