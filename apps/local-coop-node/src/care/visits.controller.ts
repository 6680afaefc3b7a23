import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Page, Roles, UuidParam } from '@app/platform';

import { PlanVisit } from './plan-visit.use-case';
import { RecordVisitOutcome } from './record-visit-outcome.use-case';
import { RescheduleVisit } from './reschedule-visit.use-case';
import { VisitQueries } from './visit.queries';
import { ListVisitsQuery, PlanVisitDto, RescheduleVisitDto, VisitOutcomeDto, VisitPage, VisitView } from './visits.dto';

@ApiTags('care')
@ApiBearerAuth()
@Roles('coop-admin')
@Controller('visits')
export class VisitsController {
  constructor(
    private readonly queries: VisitQueries,
    private readonly plan: PlanVisit,
    private readonly reschedule: RescheduleVisit,
    private readonly outcome: RecordVisitOutcome,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: VisitView })
  planVisit(@Body() body: PlanVisitDto): Promise<VisitView> {
    return this.plan.execute(body);
  }

  @Get()
  @ApiOkResponse({ type: VisitPage })
  list(@Query() query: ListVisitsQuery): Promise<Page<VisitView>> {
    return this.queries.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: VisitView })
  get(@UuidParam() id: string): Promise<VisitView> {
    return this.queries.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: VisitView })
  rescheduleVisit(@UuidParam() id: string, @Body() body: RescheduleVisitDto): Promise<VisitView> {
    return this.reschedule.execute(id, body);
  }

  @Post(':id/outcome')
  @HttpCode(200)
  @ApiOkResponse({ type: VisitView })
  recordOutcome(@UuidParam() id: string, @Body() body: VisitOutcomeDto): Promise<VisitView> {
    return this.outcome.execute(id, body);
  }
}
