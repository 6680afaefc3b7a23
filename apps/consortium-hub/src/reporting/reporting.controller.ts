import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal, Principal, Roles, UuidParam } from '@app/platform';

import { CycleQueries } from './cycle.queries';
import { OpenCycle } from './open-cycle.use-case';
import { CompletenessView, CycleOpenedView, CycleView, OpenCycleDto, SubmissionView } from './reporting.dto';

@ApiTags('reporting')
@ApiBearerAuth()
@Controller('reporting/cycles')
export class ReportingController {
  constructor(
    private readonly openCycle: OpenCycle,
    private readonly cycles: CycleQueries,
  ) {}

  /** Opens a cycle for a quarter and asks every registered co-op for its return. */
  @Post()
  @Roles('consortium-staff')
  @ApiCreatedResponse({ type: CycleOpenedView })
  open(@Body() body: OpenCycleDto, @CurrentPrincipal() by: Principal): Promise<CycleOpenedView> {
    return this.openCycle.execute(body, by);
  }

  @Get()
  @Roles('consortium-staff', 'commissioner')
  @ApiOkResponse({ type: [CycleView] })
  list(): Promise<CycleView[]> {
    return this.cycles.list();
  }

  /** Who has submitted, who is late, who has not answered, whose return is approved; staff also see their comments. */
  @Get(':id/completeness')
  @Roles('consortium-staff', 'commissioner')
  @ApiOkResponse({ type: CompletenessView })
  completeness(@UuidParam() id: string, @CurrentPrincipal() by: Principal): Promise<CompletenessView> {
    return this.cycles.completeness(id, new Date(), by.role === 'consortium-staff' ? 'consortium-staff' : 'commissioner');
  }

  /** Each co-op's returns for the cycle, history included: consortium staff only, never commissioners. */
  @Get(':id/submissions')
  @Roles('consortium-staff')
  @ApiOkResponse({ type: [SubmissionView] })
  submissions(@UuidParam() id: string): Promise<SubmissionView[]> {
    return this.cycles.submissions(id);
  }
}
