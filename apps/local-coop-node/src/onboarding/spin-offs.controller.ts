import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Roles, UuidParam } from '@app/platform';

import { ProposeSpinOff } from './propose-spin-off.use-case';
import { SpinOffQueries } from './spin-off.queries';
import { ProposeSpinOffDto, SpinOffView } from './spin-offs.dto';

/** The spin-offs this co-op proposed ("strawberry patch" onboarding), each with the hub's answer. */
@ApiTags('onboarding')
@ApiBearerAuth()
@Roles('coop-admin')
@Controller('onboarding/spin-offs')
export class SpinOffsController {
  constructor(
    private readonly propose: ProposeSpinOff,
    private readonly queries: SpinOffQueries,
  ) {}

  /** Proposes a spin-off with its runner; sends the hub the proposal and this co-op's rulebook and policies as templates. */
  @Post()
  @ApiCreatedResponse({ type: SpinOffView })
  create(@Body() body: ProposeSpinOffDto): Promise<SpinOffView> {
    return this.propose.execute(body);
  }

  @Get()
  @ApiOkResponse({ type: [SpinOffView] })
  list(): Promise<SpinOffView[]> {
    return this.queries.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: SpinOffView })
  get(@UuidParam() id: string): Promise<SpinOffView> {
    return this.queries.get(id);
  }
}
