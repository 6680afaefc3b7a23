import { Body, Controller, Delete, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Roles, UuidParam } from '@app/platform';

import { VacancyView } from '../workforce';
import { PoolVacancy } from './pool-vacancy.use-case';
import { UnpoolVacancy } from './unpool-vacancy.use-case';
import { VacancyMatchesQueries } from './vacancy-matches.queries';
import { PoolVacancyDto, VacancyMatchesView } from './vacancy-pool.dto';

/** A vacancy's place in the consortium's recruitment pool, and the candidates the hub matches to it. */
@ApiTags('recruitment')
@ApiBearerAuth()
@Roles('coop-admin')
@Controller('vacancies')
export class VacancyPoolController {
  constructor(
    private readonly pool: PoolVacancy,
    private readonly unpool: UnpoolVacancy,
    private readonly matches: VacancyMatchesQueries,
  ) {}

  /** Puts an open vacancy in the pool (again, to move its start date). */
  @Put(':id/pool')
  @ApiOkResponse({ type: VacancyView })
  poolVacancy(@UuidParam() id: string, @Body() body: PoolVacancyDto): Promise<VacancyView> {
    return this.pool.execute(id, body);
  }

  @Delete(':id/pool')
  @ApiOkResponse({ type: VacancyView })
  unpoolVacancy(@UuidParam() id: string): Promise<VacancyView> {
    return this.unpool.execute(id);
  }

  /** Asks the hub now; 503 when it cannot be reached. */
  @Get(':id/matches')
  @ApiOkResponse({ type: VacancyMatchesView })
  matchesFor(@UuidParam() id: string): Promise<VacancyMatchesView> {
    return this.matches.forVacancy(id);
  }
}
