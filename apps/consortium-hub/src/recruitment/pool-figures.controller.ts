import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Roles } from '@app/platform';

import { FiguresQuery, PoolFiguresView } from './pool-figures.dto';
import { PoolFiguresQueries } from './pool-figures.queries';

/** The pool's figures for consortium staff and commissioners: aggregates only, counts of people through disclosure control. */
@ApiTags('recruitment')
@ApiBearerAuth()
@Roles('consortium-staff', 'commissioner')
@Controller('recruitment/figures')
export class PoolFiguresController {
  constructor(private readonly queries: PoolFiguresQueries) {}

  @Get()
  @ApiOkResponse({ type: PoolFiguresView })
  figures(@Query() query: FiguresQuery): Promise<PoolFiguresView> {
    return this.queries.figures(query);
  }
}
