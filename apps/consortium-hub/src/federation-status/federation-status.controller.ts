import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Roles } from '@app/platform';

import { HubFederationStatusView } from './federation-status.dto';
import { FederationStatusQueries } from './federation-status.queries';

@ApiTags('federation')
@ApiBearerAuth()
@Controller('federation')
export class FederationStatusController {
  constructor(private readonly queries: FederationStatusQueries) {}

  /** The hub's side of the federation: its NATS link, what it refused, what is still to be confirmed. */
  @Get('status')
  @Roles('consortium-staff')
  @ApiOkResponse({ type: HubFederationStatusView })
  status(): Promise<HubFederationStatusView> {
    return this.queries.status();
  }
}
