import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal, OpenPeriodQuery as PeriodQuery, Page, Principal, Roles, todayIso, UuidParam } from '@app/platform';

import { CreateVolunteer } from './create-volunteer.use-case';
import { ExpenseView, SubmitExpenseDto } from './expenses.dto';
import { LogHours } from './log-hours.use-case';
import { RecordDeparture } from './record-departure.use-case';
import { RecordPaidWork } from './record-paid-work.use-case';
import { SubmitExpense } from './submit-expense.use-case';
import { VolunteerQueries } from './volunteer.queries';
import { periodViolation } from './volunteer.rules';
import { VolunteeringErrors } from './volunteering.errors';
import {
  CreateVolunteerDto,
  DepartureDto,
  HoursPage,
  HoursView,
  ListHoursQuery,
  ListVolunteersQuery,
  LogHoursDto,
  PaidWorkDto,
  VolunteeringSummaryView,
  VolunteerPage,
  VolunteerView,
} from './volunteers.dto';

@ApiTags('volunteering')
@ApiBearerAuth()
@Controller('volunteers')
export class VolunteersController {
  constructor(
    private readonly queries: VolunteerQueries,
    private readonly create: CreateVolunteer,
    private readonly departure: RecordDeparture,
    private readonly paidWork: RecordPaidWork,
    private readonly logHours: LogHours,
    private readonly submitExpense: SubmitExpense,
  ) {}

  @Post()
  @Roles('coop-admin')
  @ApiCreatedResponse({ type: VolunteerView })
  register(@Body() body: CreateVolunteerDto): Promise<VolunteerView> {
    return this.create.execute(body);
  }

  @Get()
  @Roles('coop-admin')
  @ApiOkResponse({ type: VolunteerPage })
  list(@Query() query: ListVolunteersQuery): Promise<Page<VolunteerView>> {
    return this.queries.list(query);
  }

  /** Hours given by activity, active volunteers and moves into paid work, for reporting. */
  @Get('summary')
  @Roles('coop-admin')
  @ApiOkResponse({ type: VolunteeringSummaryView })
  summary(@Query() query: PeriodQuery): Promise<VolunteeringSummaryView> {
    const inverted = periodViolation(query.from, query.to);
    if (inverted) throw VolunteeringErrors.invalid(inverted);
    return this.queries.summary(query, todayIso());
  }

  /** The calling member's own volunteer record. */
  @Get('me')
  @Roles('member')
  @ApiOkResponse({ type: VolunteerView })
  async me(@CurrentPrincipal() principal: Principal): Promise<VolunteerView> {
    const volunteer = await this.queries.forMember(principal.memberId);
    if (!volunteer) throw VolunteeringErrors.volunteerNotFound('me');
    return volunteer;
  }

  @Get(':id')
  @Roles('coop-admin', 'member')
  @ApiOkResponse({ type: VolunteerView })
  get(@UuidParam() id: string, @CurrentPrincipal() principal: Principal): Promise<VolunteerView> {
    return this.queries.visibleTo(principal, id);
  }

  @Post(':id/departure')
  @HttpCode(200)
  @Roles('coop-admin')
  @ApiOkResponse({ type: VolunteerView })
  leave(@UuidParam() id: string, @Body() body: DepartureDto): Promise<VolunteerView> {
    return this.departure.execute(id, body);
  }

  /** The volunteer-to-paid pathway. */
  @Post(':id/paid-work')
  @HttpCode(200)
  @Roles('coop-admin')
  @ApiOkResponse({ type: VolunteerView })
  movedIntoPaidWork(@UuidParam() id: string, @Body() body: PaidWorkDto): Promise<VolunteerView> {
    return this.paidWork.execute(id, body);
  }

  /** Hours given; they earn the same minutes of time credit. */
  @Post(':id/hours')
  @Roles('coop-admin', 'member')
  @ApiCreatedResponse({ type: HoursView })
  addHours(@UuidParam() id: string, @Body() body: LogHoursDto, @CurrentPrincipal() principal: Principal): Promise<HoursView> {
    return this.logHours.execute(principal, id, body);
  }

  @Get(':id/hours')
  @Roles('coop-admin', 'member')
  @ApiOkResponse({ type: HoursPage })
  async hours(@UuidParam() id: string, @Query() query: ListHoursQuery, @CurrentPrincipal() principal: Principal): Promise<Page<HoursView>> {
    await this.queries.visibleTo(principal, id);
    return this.queries.hours(id, query);
  }

  @Post(':id/expenses')
  @Roles('coop-admin', 'member')
  @ApiCreatedResponse({ type: ExpenseView })
  claim(@UuidParam() id: string, @Body() body: SubmitExpenseDto, @CurrentPrincipal() principal: Principal): Promise<ExpenseView> {
    return this.submitExpense.execute(principal, id, body);
  }
}
