import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal, Page, PeriodQuery, Principal, Roles, UuidParam } from '@app/platform';

import { AcceptOffer } from './accept-offer.use-case';
import {
  AcceptOfferDto,
  BrokerageFiguresView,
  CloseRequestDto,
  CreatePackageRequestDto,
  ListRequestsQuery,
  RequestDetailView,
  RequestEndedView,
  RequestPage,
  RequestPostedView,
  RequestSummaryView,
} from './brokerage.dto';
import { BrokerageQueries } from './brokerage.queries';
import { CloseRequest } from './close-request.use-case';
import { PostPackageRequest } from './post-package-request.use-case';

const STAFF = 'consortium-staff';
const COMMISSIONER = 'commissioner';

/** Hospital-discharge brokerage: package requests to the co-ops, their answers, acceptance, and the figures. */
@ApiTags('brokerage')
@ApiBearerAuth()
@Roles(STAFF, COMMISSIONER)
@Controller('brokerage')
export class BrokerageController {
  constructor(
    private readonly postRequest: PostPackageRequest,
    private readonly acceptOffer: AcceptOffer,
    private readonly closeRequest: CloseRequest,
    private readonly queries: BrokerageQueries,
  ) {}

  @Post('requests')
  @ApiOperation({ summary: 'Post a package request to every online co-op that serves its locality with its services' })
  @ApiCreatedResponse({ type: RequestPostedView })
  post(@Body() body: CreatePackageRequestDto, @CurrentPrincipal() by: Principal): Promise<RequestPostedView> {
    return this.postRequest.execute(body, by);
  }

  @Get('requests')
  @ApiOperation({ summary: 'Package requests, newest first' })
  @ApiOkResponse({ type: RequestPage })
  list(@Query() query: ListRequestsQuery): Promise<Page<RequestSummaryView>> {
    return this.queries.list(query);
  }

  @Get('requests/:id')
  @ApiOperation({ summary: 'A request with its offers as they arrive (first first), declines, late answers and who has not answered' })
  @ApiOkResponse({ type: RequestDetailView })
  detail(@UuidParam('id') id: string): Promise<RequestDetailView> {
    return this.queries.detail(id);
  }

  @Post('requests/:id/acceptance')
  @ApiOperation({ summary: 'Accept one offer: the co-op gets the placement, the others are told the request is gone' })
  @ApiCreatedResponse({ type: RequestEndedView })
  accept(@UuidParam('id') id: string, @Body() body: AcceptOfferDto, @CurrentPrincipal() by: Principal): Promise<RequestEndedView> {
    return this.acceptOffer.execute(id, body, by);
  }

  @Post('requests/:id/closure')
  @ApiOperation({ summary: 'Close a request unplaced, with a reason; every co-op asked is told it is gone' })
  @ApiCreatedResponse({ type: RequestEndedView })
  close(@UuidParam('id') id: string, @Body() body: CloseRequestDto, @CurrentPrincipal() by: Principal): Promise<RequestEndedView> {
    return this.closeRequest.execute(id, body, by);
  }

  @Get('figures')
  @ApiOperation({
    summary: 'Time to first offer and to acceptance, packages placed and not, by locality and month, with disclosure control',
  })
  @ApiOkResponse({ type: BrokerageFiguresView })
  figures(@Query() query: PeriodQuery): Promise<BrokerageFiguresView> {
    return this.queries.figures(query.from, query.to);
  }
}
