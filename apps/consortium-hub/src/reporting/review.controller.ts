import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal, Principal, Roles, UuidParam } from '@app/platform';

import { CoopIdPipe } from '../registry';
import { ApproveReturnDto, ExceptionView, GrantExceptionDto, ReviewView, SendBackReturnDto } from './review.dto';
import { GrantException } from './review-exception.use-case';
import { ReviewReturn } from './review-return.use-case';

/**
 * Sign-off of one co-op's return in a cycle, by consortium staff only: approve it, send it back with
 * a comment, or let the co-op submit after the lock. Each call is audited (every POST is).
 */
@ApiTags('reporting')
@ApiBearerAuth()
@Roles('consortium-staff')
@Controller('reporting/cycles/:id/coops/:coopId')
export class ReviewController {
  constructor(
    private readonly reviewReturn: ReviewReturn,
    private readonly grantException: GrantException,
  ) {}

  /** Approves the co-op's current return: its figures count in the report, and it can no longer be replaced unless sent back. */
  @Post('approval')
  @ApiCreatedResponse({ type: ReviewView })
  approve(
    @UuidParam('id', { named: true }) id: string,
    @Param('coopId', CoopIdPipe) coop: string,
    @Body() body: ApproveReturnDto,
    @CurrentPrincipal() by: Principal,
  ) {
    return this.reviewReturn.execute({ cycleId: id, coopId: coop }, 'approved', body, by);
  }

  /** Sends the co-op's current return back with a comment: the co-op sees it and may resubmit once, even after the lock. */
  @Post('send-back')
  @ApiCreatedResponse({ type: ReviewView })
  sendBack(
    @UuidParam('id', { named: true }) id: string,
    @Param('coopId', CoopIdPipe) coop: string,
    @Body() body: SendBackReturnDto,
    @CurrentPrincipal() by: Principal,
  ) {
    return this.reviewReturn.execute({ cycleId: id, coopId: coop }, 'sent-back', body, by);
  }

  /** Lets the co-op submit after the cycle has locked, until `until`. */
  @Post('exception')
  @ApiCreatedResponse({ type: ExceptionView })
  exception(
    @UuidParam('id', { named: true }) id: string,
    @Param('coopId', CoopIdPipe) coop: string,
    @Body() body: GrantExceptionDto,
    @CurrentPrincipal() by: Principal,
  ) {
    return this.grantException.execute({ cycleId: id, coopId: coop }, body, by);
  }
}
