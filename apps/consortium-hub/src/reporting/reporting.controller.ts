import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal, Principal, Roles } from '@app/platform';

import { CycleQueries } from './cycle.queries';
import { OpenCycle } from './open-cycle.use-case';
import { OpenCycleDto } from './reporting.dto';

const uuid = new ParseUUIDPipe({ version: '4' });

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
  open(@Body() body: OpenCycleDto, @CurrentPrincipal() by: Principal) {
    return this.openCycle.execute(body, by);
  }

  @Get()
  @Roles('consortium-staff', 'commissioner')
  list() {
    return this.cycles.list();
  }

  /** Who has submitted, who is late, who has not answered, whose return is approved; staff also see their comments. */
  @Get(':id/completeness')
  @Roles('consortium-staff', 'commissioner')
  completeness(@Param('id', uuid) id: string, @CurrentPrincipal() by: Principal) {
    return this.cycles.completeness(id, new Date(), by.role === 'consortium-staff' ? 'consortium-staff' : 'commissioner');
  }

  /** Each co-op's returns for the cycle, history included: consortium staff only, never commissioners. */
  @Get(':id/submissions')
  @Roles('consortium-staff')
  submissions(@Param('id', uuid) id: string) {
    return this.cycles.submissions(id);
  }
}
