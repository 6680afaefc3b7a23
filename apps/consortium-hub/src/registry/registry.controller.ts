import { Body, Controller, Get, HttpCode, Param, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@app/platform';
import { CoopIdPipe } from './coop-id.pipe';
import { ChangeCoopStatus } from './change-coop-status.use-case';
import { ChangeCoopStatusDto, CoopPage, CoopView, ListCoopsQuery } from './registry.dto';
import { RegistryQueries } from './registry.queries';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('coops')
export class RegistryController {
  constructor(
    private readonly queries: RegistryQueries,
    private readonly changeStatus: ChangeCoopStatus,
  ) {}

  /** Every member co-op with its status, connectivity (from heartbeats) and node version. */
  @Get()
  @Roles('consortium-staff', 'commissioner', 'coop')
  @ApiOkResponse({ type: CoopPage })
  list(@Query() query: ListCoopsQuery): Promise<CoopPage> {
    return this.queries.list(query);
  }

  @Get(':id')
  @Roles('consortium-staff', 'commissioner', 'coop')
  @ApiOkResponse({ type: CoopView })
  get(@Param('id', CoopIdPipe) id: string): Promise<CoopView> {
    return this.queries.get(id);
  }

  @Patch(':id/status')
  @HttpCode(204)
  @Roles('consortium-staff')
  async setStatus(@Param('id', CoopIdPipe) id: string, @Body() body: ChangeCoopStatusDto, @CurrentPrincipal() by: Principal): Promise<void> {
    await this.changeStatus.execute(id, body.status, by);
  }
}
