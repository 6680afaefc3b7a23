import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal, Principal, Roles, UuidParam } from '@app/platform';

import { AnswerQueuedView, AnswerRequestDto, ListNodeRequestsQuery, NodeRequestView, PlacementView, StartCareDto } from './brokerage.dto';
import { BrokerageQueries } from './brokerage.queries';
import { SendAnswer } from './send-answer.use-case';
import { StartCare } from './start-care.use-case';

/** The co-op admin's brokerage desk: package requests from the hub, answers, and placements won. */
@ApiTags('brokerage')
@ApiBearerAuth()
@Roles('coop-admin')
@Controller('brokerage')
export class BrokerageController {
  constructor(
    private readonly queries: BrokerageQueries,
    private readonly sendAnswer: SendAnswer,
    private readonly start: StartCare,
  ) {}

  @Get('requests')
  @ApiOperation({ summary: 'Package requests the hub asked this co-op about, soonest start first' })
  @ApiOkResponse({ type: [NodeRequestView] })
  requests(@Query() query: ListNodeRequestsQuery): Promise<NodeRequestView[]> {
    return this.queries.requests(query.status);
  }

  @Get('requests/:id')
  @ApiOperation({ summary: "One package request, with the answer sent and the hub's receipt" })
  @ApiOkResponse({ type: NodeRequestView })
  request(@UuidParam('id') id: string): Promise<NodeRequestView> {
    return this.queries.request(id);
  }

  @Post('requests/:id/answer')
  @HttpCode(202)
  @ApiOperation({ summary: 'Answer a package request with an offer or a decline (sent to the hub through the outbox)' })
  @ApiAcceptedResponse({ type: AnswerQueuedView })
  answer(@UuidParam('id') id: string, @Body() body: AnswerRequestDto, @CurrentPrincipal() by: Principal): Promise<AnswerQueuedView> {
    return this.sendAnswer.execute(id, body, by);
  }

  @Get('placements')
  @ApiOperation({ summary: "Packages placed with this co-op, with the council's reference, to take on as people supported" })
  @ApiOkResponse({ type: [PlacementView] })
  placements(): Promise<PlacementView[]> {
    return this.queries.placements();
  }

  @Get('placements/:id')
  @ApiOperation({ summary: 'One package placed with this co-op, and the person supported it became' })
  @ApiOkResponse({ type: PlacementView })
  placement(@UuidParam('id') id: string): Promise<PlacementView> {
    return this.queries.placement(id);
  }

  @Post('placements/:id/care')
  @ApiOperation({
    summary: "Start the care of the person a placement was for: adds them under Care with the placement's locality and funding",
  })
  @ApiCreatedResponse({ type: PlacementView })
  startCare(@UuidParam('id') id: string, @Body() body: StartCareDto, @CurrentPrincipal() by: Principal): Promise<PlacementView> {
    return this.start.execute(id, body, by);
  }
}
