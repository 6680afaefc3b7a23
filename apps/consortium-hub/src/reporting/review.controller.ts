import { BadRequestException, Body, Controller, Param, ParseUUIDPipe, PipeTransform, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';

import { COOP_ID_RULE, isCoopId } from '@app/contracts';
import { CurrentPrincipal, Principal, Roles } from '@app/platform';

import { ApproveReturnDto, ExceptionView, GrantExceptionDto, ReviewView, SendBackReturnDto } from './review.dto';
import { GrantException } from './review-exception.use-case';
import { ReviewReturn } from './review-return.use-case';

const uuid = new ParseUUIDPipe({ version: '4', exceptionFactory: () => new BadRequestException(['id must be a UUID']) });

const coopId: PipeTransform<string, string> = {
  transform(value: string): string {
    if (!isCoopId(value)) throw new BadRequestException([`coopId must be a co-op id: ${COOP_ID_RULE}`]);
    return value;
  },
};

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
    @Param('id', uuid) id: string,
    @Param('coopId', coopId) coop: string,
    @Body() body: ApproveReturnDto,
    @CurrentPrincipal() by: Principal,
  ) {
    return this.reviewReturn.execute({ cycleId: id, coopId: coop }, 'approved', body, by);
  }

  /** Sends the co-op's current return back with a comment: the co-op sees it and may resubmit once, even after the lock. */
  @Post('send-back')
  @ApiCreatedResponse({ type: ReviewView })
  sendBack(
    @Param('id', uuid) id: string,
    @Param('coopId', coopId) coop: string,
    @Body() body: SendBackReturnDto,
    @CurrentPrincipal() by: Principal,
  ) {
    return this.reviewReturn.execute({ cycleId: id, coopId: coop }, 'sent-back', body, by);
  }

  /** Lets the co-op submit after the cycle has locked, until `until`. */
  @Post('exception')
  @ApiCreatedResponse({ type: ExceptionView })
  exception(
    @Param('id', uuid) id: string,
    @Param('coopId', coopId) coop: string,
    @Body() body: GrantExceptionDto,
    @CurrentPrincipal() by: Principal,
  ) {
    return this.grantException.execute({ cycleId: id, coopId: coop }, body, by);
  }
}
