import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Page, Roles, UuidParam } from '@app/platform';

import { HireStaff } from './hire-staff.use-case';
import { RecordLeaving } from './record-leaving.use-case';
import { RecordTraining } from './record-training.use-case';
import {
  HireStaffDto,
  ListStaffQuery,
  ListTrainingQuery,
  RecordLeavingDto,
  RecordTrainingDto,
  StaffPage,
  StaffView,
  TrainingPage,
  TrainingView,
  UpdateStaffDto,
} from './staff.dto';
import { StaffQueries } from './staff.queries';
import { UpdateStaff } from './update-staff.use-case';

/** Employment records are the co-op's as employer: the admin's alone, members have no access. */
@ApiTags('workforce')
@ApiBearerAuth()
@Roles('coop-admin')
@Controller('staff')
export class StaffController {
  constructor(
    private readonly queries: StaffQueries,
    private readonly hire: HireStaff,
    private readonly update: UpdateStaff,
    private readonly leaving: RecordLeaving,
    private readonly training: RecordTraining,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: StaffView })
  hireStaff(@Body() body: HireStaffDto): Promise<StaffView> {
    return this.hire.execute(body);
  }

  @Get()
  @ApiOkResponse({ type: StaffPage })
  list(@Query() query: ListStaffQuery): Promise<Page<StaffView>> {
    return this.queries.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: StaffView })
  get(@UuidParam() id: string): Promise<StaffView> {
    return this.queries.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: StaffView })
  change(@UuidParam() id: string, @Body() body: UpdateStaffDto): Promise<StaffView> {
    return this.update.execute(id, body);
  }

  @Post(':id/leaving')
  @HttpCode(200)
  @ApiOkResponse({ type: StaffView })
  recordLeaving(@UuidParam() id: string, @Body() body: RecordLeavingDto): Promise<StaffView> {
    return this.leaving.execute(id, body);
  }

  @Post(':id/training')
  @ApiCreatedResponse({ type: TrainingView })
  recordTraining(@UuidParam() id: string, @Body() body: RecordTrainingDto): Promise<TrainingView> {
    return this.training.execute(id, body);
  }

  @Get(':id/training')
  @ApiOkResponse({ type: TrainingPage })
  trainingOf(@UuidParam() id: string, @Query() query: ListTrainingQuery): Promise<Page<TrainingView>> {
    return this.queries.trainingOf(id, query);
  }
}
