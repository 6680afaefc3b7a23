import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Roles, UuidParam } from '@app/platform';

import { ReturnRequestView, ReturnSubmittedView } from './reporting.dto';
import { ReturnRequestQueries } from './return-request.queries';
import { SubmitReturn } from './submit-return.use-case';

/** The hub's requests for returns and what this co-op sent for each: the admin's reporting inbox. */
@ApiTags('reporting')
@ApiBearerAuth()
@Roles('coop-admin')
@Controller('reporting/requests')
export class ReturnRequestsController {
  constructor(
    private readonly queries: ReturnRequestQueries,
    private readonly submitReturn: SubmitReturn,
  ) {}

  /** Every request, newest first, with each return sent, what the hub said of it, and consortium staff's review. */
  @Get()
  @ApiOkResponse({ type: [ReturnRequestView] })
  list(): Promise<ReturnRequestView[]> {
    return this.queries.list();
  }

  /** Computes the return now and sends it; a later one supersedes it on the hub. */
  @Post(':cycleId/submission')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ReturnSubmittedView })
  submit(@UuidParam('cycleId') cycleId: string): Promise<ReturnSubmittedView> {
    return this.submitReturn.execute(cycleId);
  }
}
