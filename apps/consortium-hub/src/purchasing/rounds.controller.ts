import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal, Principal, Roles, UuidParam } from '@app/platform';

import { CancelRound } from './cancel-round.use-case';
import { CloseRound } from './close-round.use-case';
import { CreateRound } from './create-round.use-case';
import { DeliverRound } from './deliver-round.use-case';
import { OpenRound } from './open-round.use-case';
import { OrderRound } from './order-round.use-case';
import { CancelRoundDto, CommitmentReceivedView, CreateRoundDto, OpenRoundDto, RoundSummaryView, RoundView } from './purchasing.dto';
import { RoundQueries } from './round.queries';

/**
 * Purchasing rounds: draft, open (invites the co-ops), close (also done at the closing time), order
 * (the allocation becomes final and goes to the co-ops), deliver, or cancel. A step the round's state
 * does not allow answers 409 with the current state.
 */
@ApiTags('purchasing')
@ApiBearerAuth()
@Roles('consortium-staff')
@Controller('purchasing/rounds')
export class RoundsController {
  constructor(
    private readonly rounds: RoundQueries,
    private readonly createRound: CreateRound,
    private readonly openRound: OpenRound,
    private readonly closeRound: CloseRound,
    private readonly orderRound: OrderRound,
    private readonly deliverRound: DeliverRound,
    private readonly cancelRound: CancelRound,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: RoundView })
  create(@Body() body: CreateRoundDto, @CurrentPrincipal() by: Principal): Promise<RoundView> {
    return this.createRound.execute(body, by);
  }

  @Get()
  @ApiOkResponse({ type: [RoundSummaryView] })
  list(): Promise<RoundSummaryView[]> {
    return this.rounds.list();
  }

  /** The round with its demand, the tier each item reached, the allocation, savings and local spend. */
  @Get(':id')
  @ApiOkResponse({ type: RoundView })
  get(@UuidParam() id: string): Promise<RoundView> {
    return this.rounds.get(id);
  }

  /** Every commitment accepted for the round, amendments included, oldest first. */
  @Get(':id/commitments')
  @ApiOkResponse({ type: [CommitmentReceivedView] })
  commitments(@UuidParam() id: string): Promise<CommitmentReceivedView[]> {
    return this.rounds.commitments(id);
  }

  @Post(':id/open')
  @HttpCode(200)
  @ApiOkResponse({ type: RoundView })
  open(@UuidParam() id: string, @Body() body: OpenRoundDto): Promise<RoundView> {
    return this.openRound.execute(id, body);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOkResponse({ type: RoundView })
  async close(@UuidParam() id: string, @CurrentPrincipal() by: Principal): Promise<RoundView> {
    await this.closeRound.execute(id, by.subject);
    return this.rounds.get(id);
  }

  @Post(':id/order')
  @HttpCode(200)
  @ApiOkResponse({ type: RoundView })
  async order(@UuidParam() id: string): Promise<RoundView> {
    await this.orderRound.execute(id);
    return this.rounds.get(id);
  }

  @Post(':id/deliver')
  @HttpCode(200)
  @ApiOkResponse({ type: RoundView })
  async deliver(@UuidParam() id: string): Promise<RoundView> {
    await this.deliverRound.execute(id);
    return this.rounds.get(id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: RoundView })
  async cancel(@UuidParam() id: string, @Body() body: CancelRoundDto): Promise<RoundView> {
    await this.cancelRound.execute(id, body.reason);
    return this.rounds.get(id);
  }
}
