import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal, Principal, Public, Roles, UuidParam } from '@app/platform';

import { IssueJoinToken } from './issue-join-token.use-case';
import { JoinGrantView, JoinRequestDto, JoinTokenIssuedView, JoinTokenView } from './join.dto';
import { JoinTokenQueries } from './join-token.queries';
import { RedeemJoinToken } from './redeem-join-token.use-case';
import { RevokeJoinToken } from './revoke-join-token.use-case';

/** Joining with one command: staff issue a single-use token; the new node joins with it and its own public keys. */
@ApiTags('onboarding')
@Controller('onboarding')
export class JoinController {
  constructor(
    private readonly issue: IssueJoinToken,
    private readonly revoke: RevokeJoinToken,
    private readonly redeem: RedeemJoinToken,
    private readonly queries: JoinTokenQueries,
  ) {}

  @Post('journeys/:id/join-tokens')
  @ApiBearerAuth()
  @Roles('consortium-staff')
  @ApiCreatedResponse({ type: JoinTokenIssuedView, description: 'The token and the command to run, shown this once' })
  issueToken(@UuidParam('id', { named: true }) id: string, @CurrentPrincipal() by: Principal): Promise<JoinTokenIssuedView> {
    return this.issue.execute(id, by);
  }

  @Get('journeys/:id/join-tokens')
  @ApiBearerAuth()
  @Roles('consortium-staff')
  @ApiOkResponse({ type: [JoinTokenView] })
  tokens(@UuidParam('id', { named: true }) id: string): Promise<JoinTokenView[]> {
    return this.queries.forJourney(id);
  }

  @Delete('join-tokens/:id')
  @HttpCode(204)
  @ApiBearerAuth()
  @Roles('consortium-staff')
  @ApiNoContentResponse({ description: 'The token no longer works' })
  async revokeToken(@UuidParam('id', { named: true }) id: string, @CurrentPrincipal() by: Principal): Promise<void> {
    await this.revoke.execute(id, by);
  }

  /** Public: the token is the credential. Rate-limited per client address like every route. */
  @Post('join')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: JoinGrantView, description: 'The co-op joined: what its node needs to start' })
  join(@Body() body: JoinRequestDto): Promise<JoinGrantView> {
    return this.redeem.execute(body);
  }
}
