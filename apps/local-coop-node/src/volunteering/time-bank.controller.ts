import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal, Page, Principal, Roles, UuidParam } from '@app/platform';
import { OpenPeriodQuery as PeriodQuery } from '@app/platform';

import {
  AccountQuery,
  AccountView,
  ListTransfersQuery,
  TimeBankSummaryView,
  TransferDto,
  TransferPage,
  TransferView,
} from './time-bank.dto';
import { TimeBankQueries } from './time-bank.queries';
import { TransferTimeCredits } from './transfer-time-credits.use-case';
import { VolunteerQueries } from './volunteer.queries';
import { periodViolation } from './volunteer.rules';
import { VolunteeringErrors } from './volunteering.errors';

@ApiTags('volunteering')
@ApiBearerAuth()
@Controller('time-bank')
export class TimeBankController {
  constructor(
    private readonly queries: TimeBankQueries,
    private readonly volunteers: VolunteerQueries,
    private readonly transfer: TransferTimeCredits,
  ) {}

  /** A volunteer's balance, what they may still spend, and their entries. */
  @Get('accounts/:volunteerId')
  @Roles('coop-admin', 'member')
  @ApiOkResponse({ type: AccountView })
  async account(
    @UuidParam('volunteerId') volunteerId: string,
    @Query() query: AccountQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AccountView> {
    await this.volunteers.visibleTo(principal, volunteerId);
    return this.queries.account(volunteerId, query);
  }

  /** Moves credits from the volunteer who received help to the one who gave it. */
  @Post('transfers')
  @Roles('coop-admin')
  @ApiCreatedResponse({ type: TransferView })
  pay(@Body() body: TransferDto): Promise<TransferView> {
    return this.transfer.execute(body);
  }

  @Get('transfers')
  @Roles('coop-admin')
  @ApiOkResponse({ type: TransferPage })
  transfers(@Query() query: ListTransfersQuery): Promise<Page<TransferView>> {
    return this.queries.transfers(query);
  }

  /** Credits earned and exchanged between volunteers, by purpose. */
  @Get('summary')
  @Roles('coop-admin')
  @ApiOkResponse({ type: TimeBankSummaryView })
  summary(@Query() query: PeriodQuery): Promise<TimeBankSummaryView> {
    const inverted = periodViolation(query.from, query.to);
    if (inverted) throw VolunteeringErrors.invalid(inverted);
    return this.queries.summary(query);
  }
}
