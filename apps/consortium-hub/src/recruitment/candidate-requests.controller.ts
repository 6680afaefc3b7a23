import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal, Principal, Roles, UuidParam } from '@app/platform';

import { AcceptHireRequest } from './accept-hire-request.use-case';
import { CandidateRequestQueries } from './candidate-requests.queries';
import { DeclineHireRequest } from './decline-hire-request.use-case';
import { CandidateMatchesView, CandidateRequestView } from './hiring.dto';
import { ConsentDto } from './recruitment.dto';

/** The vacancies a signed-in candidate fits, and co-ops' requests to hire them: only ever their own. */
@ApiTags('recruitment')
@ApiBearerAuth()
@Roles('candidate')
@Controller('recruitment/me')
export class CandidateRequestsController {
  constructor(
    private readonly queries: CandidateRequestQueries,
    private readonly accept: AcceptHireRequest,
    private readonly decline: DeclineHireRequest,
  ) {}

  @Get('matches')
  @ApiOkResponse({ type: CandidateMatchesView, description: 'Pooled vacancies the candidate fits, best first (at most 50)' })
  matches(@CurrentPrincipal() me: Principal): Promise<CandidateMatchesView> {
    return this.queries.matches(me.subject);
  }

  @Get('requests')
  @ApiOkResponse({ type: [CandidateRequestView], description: "Co-ops' requests to hire the candidate, newest first" })
  requests(@CurrentPrincipal() me: Principal): Promise<CandidateRequestView[]> {
    return this.queries.requests(me.subject);
  }

  @Get('requests/:id')
  @ApiOkResponse({ type: CandidateRequestView })
  request(@CurrentPrincipal() me: Principal, @UuidParam() id: string): Promise<CandidateRequestView> {
    return this.queries.request(me.subject, id);
  }

  @Post('requests/:id/accept')
  @HttpCode(200)
  @ApiOkResponse({
    type: CandidateRequestView,
    description:
      'Consent recorded (the hire wording of GET /recruitment/consent-wordings); the application sent sealed to that co-op alone',
  })
  acceptRequest(@CurrentPrincipal() me: Principal, @UuidParam() id: string, @Body() body: ConsentDto): Promise<CandidateRequestView> {
    return this.accept.execute(me.subject, id, body);
  }

  @Post('requests/:id/decline')
  @HttpCode(200)
  @ApiOkResponse({ type: CandidateRequestView, description: 'The co-op is told, and may not ask again' })
  declineRequest(@CurrentPrincipal() me: Principal, @UuidParam() id: string): Promise<CandidateRequestView> {
    return this.decline.execute(me.subject, id);
  }
}
