import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { AuditRead, Page, Roles, UuidParam } from '@app/platform';

import { AgreeCarePlan } from './agree-care-plan.use-case';
import { AgreeCarePlanDto, CarePlanView } from './care-plans.dto';
import { ContinuityView, MonthQuery } from './care-reports.dto';
import { CareReportQueries } from './care-reports.queries';
import { EraseServiceUser } from './erase-service-user.use-case';
import { RegisterServiceUser } from './register-service-user.use-case';
import { ServiceUserQueries } from './service-user.queries';
import { ServiceUserErasureView, ServiceUserExportView } from './service-user-data.dto';
import { ServiceUserDataQueries } from './service-user-data.queries';
import { ListServiceUsersQuery, RegisterServiceUserDto, ServiceUserPage, ServiceUserView, UpdateServiceUserDto } from './service-users.dto';
import { UpdateServiceUser } from './update-service-user.use-case';

/** The people the co-op supports. Their records are the admin's: members have no access here. */
@ApiTags('care')
@ApiBearerAuth()
@Roles('coop-admin')
@Controller('service-users')
export class ServiceUsersController {
  constructor(
    private readonly queries: ServiceUserQueries,
    private readonly reports: CareReportQueries,
    private readonly register: RegisterServiceUser,
    private readonly update: UpdateServiceUser,
    private readonly agreePlan: AgreeCarePlan,
    private readonly data: ServiceUserDataQueries,
    private readonly erasure: EraseServiceUser,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: ServiceUserView })
  registerServiceUser(@Body() body: RegisterServiceUserDto): Promise<ServiceUserView> {
    return this.register.execute(body);
  }

  @Get()
  @ApiOkResponse({ type: ServiceUserPage })
  list(@Query() query: ListServiceUsersQuery): Promise<Page<ServiceUserView>> {
    return this.queries.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ServiceUserView })
  get(@UuidParam() id: string): Promise<ServiceUserView> {
    return this.queries.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: ServiceUserView })
  change(@UuidParam() id: string, @Body() body: UpdateServiceUserDto): Promise<ServiceUserView> {
    return this.update.execute(id, body);
  }

  @Post(':id/care-plans')
  @ApiCreatedResponse({ type: CarePlanView })
  agreeCarePlan(@UuidParam() id: string, @Body() body: AgreeCarePlanDto): Promise<CarePlanView> {
    return this.agreePlan.execute(id, body);
  }

  /** Everything held about the person, for the admin to hand over when they ask (right of access). Audited. */
  @Get(':id/export')
  @AuditRead()
  @ApiOkResponse({ type: ServiceUserExportView })
  exportData(@UuidParam() id: string): Promise<ServiceUserExportView> {
    return this.data.export(id);
  }

  /** Erases the person's details once support has ended, keeping what the co-op's records and figures need. */
  @Post(':id/erasure')
  @HttpCode(200)
  @ApiOkResponse({ type: ServiceUserErasureView })
  erase(@UuidParam() id: string): Promise<ServiceUserErasureView> {
    return this.erasure.execute(id);
  }

  /** How many different carers the person saw (or is due to see) in a month. */
  @Get(':id/continuity')
  @ApiOkResponse({ type: ContinuityView })
  continuity(@UuidParam() id: string, @Query() query: MonthQuery): Promise<ContinuityView> {
    return this.reports.continuityOf(id, query.month);
  }
}
