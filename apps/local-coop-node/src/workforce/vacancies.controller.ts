import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Page, Roles, UuidParam } from '@app/platform';

import { CloseVacancy } from './close-vacancy.use-case';
import { OpenVacancy } from './open-vacancy.use-case';
import { CloseVacancyDto, ListVacanciesQuery, OpenVacancyDto, VacancyPage, VacancyView } from './vacancies.dto';
import { VacancyQueries } from './vacancy.queries';

@ApiTags('workforce')
@ApiBearerAuth()
@Roles('coop-admin')
@Controller('vacancies')
export class VacanciesController {
  constructor(
    private readonly queries: VacancyQueries,
    private readonly open: OpenVacancy,
    private readonly close: CloseVacancy,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: VacancyView })
  openVacancy(@Body() body: OpenVacancyDto): Promise<VacancyView> {
    return this.open.execute(body);
  }

  /** Open vacancies unless ?status= says otherwise. */
  @Get()
  @ApiOkResponse({ type: VacancyPage })
  list(@Query() query: ListVacanciesQuery): Promise<Page<VacancyView>> {
    return this.queries.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: VacancyView })
  get(@UuidParam() id: string): Promise<VacancyView> {
    return this.queries.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: VacancyView })
  closeVacancy(@UuidParam() id: string, @Body() body: CloseVacancyDto): Promise<VacancyView> {
    return this.close.execute(id, body);
  }
}
