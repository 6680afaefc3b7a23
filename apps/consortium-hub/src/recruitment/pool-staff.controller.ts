import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Page, Roles } from '@app/platform';

import {
  HireRequestStaffPage,
  HireRequestStaffView,
  PooledVacancyStaffPage,
  PooledVacancyStaffView,
  PoolRequestsQuery,
  PoolVacanciesQuery,
} from './pool-figures.dto';
import { PoolStaffQueries } from './pool-staff.queries';

/** Consortium staff's view of the pool at work: vacancies and requests to hire, never a candidate. */
@ApiTags('recruitment')
@ApiBearerAuth()
@Roles('consortium-staff')
@Controller('recruitment/pool')
export class PoolStaffController {
  constructor(private readonly queries: PoolStaffQueries) {}

  @Get('vacancies')
  @ApiOkResponse({ type: PooledVacancyStaffPage, description: "Newest first pooled first; each with its requests' counts by status" })
  vacancies(@Query() query: PoolVacanciesQuery): Promise<Page<PooledVacancyStaffView>> {
    return this.queries.vacancies(query);
  }

  @Get('requests')
  @ApiOkResponse({ type: HireRequestStaffPage, description: 'Newest first; never the candidate' })
  requests(@Query() query: PoolRequestsQuery): Promise<Page<HireRequestStaffView>> {
    return this.queries.requests(query);
  }
}
