import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { parsePeriod } from '@app/contracts';
import { Roles } from '@app/platform';

import { ComputeReturn } from './compute-return.use-case';
import { ReturnPreviewQuery, ReturnPreviewView } from './reporting.dto';

@ApiTags('reporting')
@ApiBearerAuth()
@Roles('coop-admin')
@Controller('reporting/returns')
export class ReportingController {
  constructor(private readonly computeReturn: ComputeReturn) {}

  /** The quarterly return as the node would compute it now, its problems, and what would be sent to the hub. */
  @Get('preview')
  @ApiOkResponse({ type: ReturnPreviewView })
  async preview(@Query() query: ReturnPreviewQuery): Promise<ReturnPreviewView> {
    // The query's pattern already guarantees a quarter.
    const computed = await this.computeReturn.execute(parsePeriod(query.period)!);
    return {
      figures: computed.figures,
      problems: computed.problems,
      outgoing: { nodeThreshold: computed.nodeThreshold, return: computed.outgoing },
    };
  }
}
