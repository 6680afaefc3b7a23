import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Page, Roles, UuidParam } from '@app/platform';

import { CarePlanQueries } from './care-plan.queries';
import { CarePlanPage, CarePlanView, ListCarePlansQuery, ReviewCarePlanDto } from './care-plans.dto';
import { RecordCarePlanReview } from './record-care-plan-review.use-case';

@ApiTags('care')
@ApiBearerAuth()
@Roles('coop-admin')
@Controller('care-plans')
export class CarePlansController {
  constructor(
    private readonly queries: CarePlanQueries,
    private readonly review: RecordCarePlanReview,
  ) {}

  /** Plans by person, by whether they have been reviewed, or due for review by a date. */
  @Get()
  @ApiOkResponse({ type: CarePlanPage })
  list(@Query() query: ListCarePlansQuery): Promise<Page<CarePlanView>> {
    return this.queries.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: CarePlanView })
  get(@UuidParam() id: string): Promise<CarePlanView> {
    return this.queries.get(id);
  }

  @Post(':id/review')
  @HttpCode(200)
  @ApiOkResponse({ type: CarePlanView })
  recordReview(@UuidParam() id: string, @Body() body: ReviewCarePlanDto): Promise<CarePlanView> {
    return this.review.execute(id, body);
  }
}
