import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Page, Roles, UuidParam } from '@app/platform';

import { HireRequestQueries } from './hire-request.queries';
import { HireRequestPage, HireRequestView, ListHireRequestsQuery, RequestHireDto } from './hire-requests.dto';
import { RequestHire } from './request-hire.use-case';

/** The co-op's requests to hire pool candidates, and where each stands. */
@ApiTags('recruitment')
@ApiBearerAuth()
@Roles('coop-admin')
@Controller('hire-requests')
export class HireRequestsController {
  constructor(
    private readonly request: RequestHire,
    private readonly queries: HireRequestQueries,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: HireRequestView })
  requestHire(@Body() body: RequestHireDto): Promise<HireRequestView> {
    return this.request.execute(body);
  }

  @Get()
  @ApiOkResponse({ type: HireRequestPage })
  list(@Query() query: ListHireRequestsQuery): Promise<Page<HireRequestView>> {
    return this.queries.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: HireRequestView })
  get(@UuidParam() id: string): Promise<HireRequestView> {
    return this.queries.get(id);
  }
}
