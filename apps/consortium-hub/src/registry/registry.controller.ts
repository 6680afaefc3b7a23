import { Body, Controller, Get, HttpCode, Param, Patch, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { CurrentPrincipal, Principal, Roles } from '@app/platform';

import { ChangeCoopStatus } from './change-coop-status.use-case';
import { CoopIdPipe } from './coop-id.pipe';
import { LineageView } from './lineage.dto';
import { LineageQueries } from './lineage.queries';
import { NatsAuthorizationSync } from './nats-authorization-sync.service';
import { RecordSponsor } from './record-sponsor.use-case';
import {
  ChangeCoopStatusDto,
  CoopPage,
  CoopStatusChangeView,
  CoopView,
  ListCoopsQuery,
  NatsAuthorizationView,
  RecordSponsorDto,
} from './registry.dto';
import { RegistryQueries } from './registry.queries';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('coops')
export class RegistryController {
  constructor(
    private readonly queries: RegistryQueries,
    private readonly changeStatus: ChangeCoopStatus,
    private readonly recordSponsor: RecordSponsor,
    private readonly natsAuthorization: NatsAuthorizationSync,
    private readonly lineageQueries: LineageQueries,
  ) {}

  /** Every member co-op with its status, connectivity (from heartbeats) and node version. */
  @Get()
  @Roles('consortium-staff', 'commissioner', 'coop')
  @ApiOkResponse({ type: CoopPage })
  list(@Query() query: ListCoopsQuery): Promise<CoopPage> {
    return this.queries.list(query);
  }

  /** Whether the NATS server's authorization is in step with the registry. Declared before :id, which would take the path. */
  @Get('nats-authorization')
  @Roles('consortium-staff')
  @ApiOkResponse({ type: NatsAuthorizationView })
  natsAuthorizationStatus(): NatsAuthorizationView {
    return this.natsAuthorization.status();
  }

  /** The family tree: each co-op with its sponsor, generation, children and time to trading. Declared before :id. */
  @Get('lineage')
  @Roles('consortium-staff', 'commissioner', 'coop')
  @ApiOkResponse({ type: LineageView })
  lineage(): Promise<LineageView> {
    return this.lineageQueries.lineage();
  }

  @Get(':id')
  @Roles('consortium-staff', 'commissioner', 'coop')
  @ApiOkResponse({ type: CoopView })
  get(@Param('id', CoopIdPipe) id: string): Promise<CoopView> {
    return this.queries.get(id);
  }

  /** Sets the co-op's status; the change and its note go into the co-op's status history. */
  @Patch(':id/status')
  @HttpCode(204)
  @Roles('consortium-staff')
  @ApiNoContentResponse()
  async setStatus(
    @Param('id', CoopIdPipe) id: string,
    @Body() body: ChangeCoopStatusDto,
    @CurrentPrincipal() by: Principal,
  ): Promise<void> {
    await this.changeStatus.execute(id, body.status, by, body.note);
  }

  /** Every status the co-op has had, oldest first: who changed it (staff, its journey, provisioning, joining), when, and why. */
  @Get(':id/status-history')
  @Roles('consortium-staff', 'commissioner')
  @ApiOkResponse({ type: [CoopStatusChangeView] })
  statusHistory(@Param('id', CoopIdPipe) id: string): Promise<CoopStatusChangeView[]> {
    return this.queries.statusHistory(id);
  }

  @Put(':id/sponsor')
  @HttpCode(204)
  @Roles('consortium-staff')
  async setSponsor(@Param('id', CoopIdPipe) id: string, @Body() body: RecordSponsorDto, @CurrentPrincipal() by: Principal): Promise<void> {
    await this.recordSponsor.execute(id, body.sponsorCoopId, by);
  }
}
