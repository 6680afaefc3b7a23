import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';

import { ONBOARDING_STAGES, OnboardingStage } from '@app/contracts';
import { CurrentPrincipal, Principal, Roles, UuidParam } from '@app/platform';

import { CloseStage } from './close-stage.use-case';
import { EnterSpinOff } from './enter-spin-off.use-case';
import { JourneyQueries } from './journey.queries';
import { CloseStageDto, EnterSpinOffDto, JourneyPage, JourneyView, ListJourneysQuery, ReopenStageDto } from './onboarding.dto';
import { ReopenStage } from './reopen-stage.use-case';
import { StagePipe } from './stage.pipe';

/**
 * Spin-off journeys: proposed by a sponsor's node (through the inbox) or entered here by staff, then
 * each stage closed with evidence, in order, or reopened with a reason. Refusals answer 409 with the
 * rule's code (ONBOARDING.STAGE_OUT_OF_ORDER names the open stage in details.openStage).
 */
@ApiTags('onboarding')
@ApiBearerAuth()
@Controller('onboarding/journeys')
export class JourneysController {
  constructor(
    private readonly queries: JourneyQueries,
    private readonly enterSpinOff: EnterSpinOff,
    private readonly closeStage: CloseStage,
    private readonly reopenStage: ReopenStage,
  ) {}

  /** A spin-off entered by staff: in the registry as proposed under its sponsor; the sponsor's node is asked for its templates. */
  @Post()
  @Roles('consortium-staff')
  @ApiCreatedResponse({ type: JourneyView })
  async enter(@Body() body: EnterSpinOffDto, @CurrentPrincipal() by: Principal): Promise<JourneyView> {
    return this.queries.get(await this.enterSpinOff.execute(body, by));
  }

  /** Journeys, newest first (filters: sponsor, status, stalled). */
  @Get()
  @Roles('consortium-staff', 'commissioner')
  @ApiOkResponse({ type: JourneyPage })
  list(@Query() query: ListJourneysQuery): Promise<JourneyPage> {
    return this.queries.list(query);
  }

  /** The journey with each stage's state and evidence, and its whole history. */
  @Get(':id')
  @Roles('consortium-staff', 'commissioner')
  @ApiOkResponse({ type: JourneyView })
  get(@UuidParam('id', { named: true }) id: string): Promise<JourneyView> {
    return this.queries.get(id);
  }

  @Post(':id/stages/:stage/close')
  @HttpCode(200)
  @Roles('consortium-staff')
  @ApiParam({ name: 'stage', enum: ONBOARDING_STAGES })
  @ApiOkResponse({ type: JourneyView })
  async close(
    @UuidParam('id', { named: true }) id: string,
    @Param('stage', StagePipe) stage: OnboardingStage,
    @Body() body: CloseStageDto,
    @CurrentPrincipal() by: Principal,
  ): Promise<JourneyView> {
    await this.closeStage.execute(id, stage, body.evidence, by);
    return this.queries.get(id);
  }

  /** Reopens the latest closed stage, with a reason; its closing stays in the history. */
  @Post(':id/stages/:stage/reopen')
  @HttpCode(200)
  @Roles('consortium-staff')
  @ApiParam({ name: 'stage', enum: ONBOARDING_STAGES })
  @ApiOkResponse({ type: JourneyView })
  async reopen(
    @UuidParam('id', { named: true }) id: string,
    @Param('stage', StagePipe) stage: OnboardingStage,
    @Body() body: ReopenStageDto,
    @CurrentPrincipal() by: Principal,
  ): Promise<JourneyView> {
    await this.reopenStage.execute(id, stage, body.reason, by);
    return this.queries.get(id);
  }
}
