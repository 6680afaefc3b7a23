import { Body, Controller, Get, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { CurrentPrincipal, Page, Principal, Roles, UuidParam } from '@app/platform';

import { BallotQueries } from './ballot.queries';
import { BoardQueries, BoardView } from './board.queries';
import { CastVote } from './cast-vote.use-case';
import { CloseBallot } from './close-ballot.use-case';
import { CreateBallot } from './create-ballot.use-case';
import {
  BallotPage,
  BallotView,
  CastVoteDto,
  CreateBallotDto,
  ListBallotsQuery,
  ProposeRulebookDto,
  RulebookChangeView,
  SetBoardDto,
} from './governance.dto';
import { ProposeRulebookChange, RulebookChangeOutcome } from './propose-rulebook-change.use-case';
import { SetBoard } from './set-board.use-case';

@ApiTags('governance')
@ApiBearerAuth()
@Controller()
export class GovernanceController {
  constructor(
    private readonly ballots: BallotQueries,
    private readonly board: BoardQueries,
    private readonly createBallot: CreateBallot,
    private readonly castVote: CastVote,
    private readonly closeBallot: CloseBallot,
    private readonly proposeRulebook: ProposeRulebookChange,
    private readonly setBoard: SetBoard,
  ) {}

  @Post('ballots')
  @Roles('coop-admin')
  @ApiCreatedResponse({ type: BallotView })
  create(@Body() body: CreateBallotDto): Promise<BallotView> {
    return this.createBallot.execute(body);
  }

  @Get('ballots')
  @Roles('coop-admin', 'member')
  @ApiOkResponse({ type: BallotPage })
  list(@Query() query: ListBallotsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<BallotView>> {
    return this.ballots.list(query, principal);
  }

  @Get('ballots/:id')
  @Roles('coop-admin', 'member')
  @ApiOkResponse({ type: BallotView })
  get(@UuidParam() id: string, @CurrentPrincipal() principal: Principal): Promise<BallotView> {
    return this.ballots.get(id, principal);
  }

  /** A member's vote: `{choice}` on a motion or rulebook change, `{candidates}` in an election. */
  @Post('ballots/:id/votes')
  @HttpCode(204)
  @Roles('member')
  async vote(@UuidParam() id: string, @Body() body: CastVoteDto, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.castVote.execute(principal, id, body);
  }

  /** Computes the final result now, if the window has closed (the scheduler does it every 30 s anyway). */
  @Post('ballots/:id/close')
  @HttpCode(200)
  @Roles('coop-admin')
  @ApiOkResponse({ type: BallotView })
  async close(@UuidParam() id: string, @CurrentPrincipal() principal: Principal): Promise<BallotView> {
    await this.closeBallot.execute(id);
    return this.ballots.get(id, principal);
  }

  /**
   * Proposes a new rulebook. With no members yet it is adopted at once (200); once the co-op has
   * members it becomes a special-resolution ballot (202) and is adopted only if that passes.
   */
  @Put('rulebook')
  @Roles('coop-admin')
  @ApiOkResponse({ type: RulebookChangeView, description: 'Adopted at once: the co-op has no members yet' })
  @ApiAcceptedResponse({ type: RulebookChangeView, description: 'Put to the members as a special-resolution ballot' })
  async changeRulebook(@Body() body: ProposeRulebookDto, @Res({ passthrough: true }) res: Response): Promise<RulebookChangeOutcome> {
    const outcome = await this.proposeRulebook.execute(body);
    res.status(outcome.adopted ? 200 : 202);
    return outcome;
  }

  @Get('board')
  @Roles('coop-admin', 'member')
  @ApiOkResponse({ type: BoardView })
  currentBoard(): Promise<BoardView> {
    return this.board.current();
  }

  /** Records a whole board (founding, or appointed at a general meeting); refused if it breaks the rulebook. */
  @Put('board')
  @Roles('coop-admin')
  @ApiOkResponse({ type: BoardView })
  replaceBoard(@Body() body: SetBoardDto): Promise<BoardView> {
    return this.setBoard.execute(body.memberIds);
  }
}
