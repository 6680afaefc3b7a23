import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Roles } from '@app/platform';

import { HubLinkView } from './hub-link.dto';
import { HubLinkQueries } from './hub-link.queries';

@ApiTags('federation')
@ApiBearerAuth()
@Controller('federation')
export class HubLinkController {
  constructor(private readonly queries: HubLinkQueries) {}

  /** The node's link to the hub: NATS, registration, and what is still waiting to be confirmed. */
  @Get('status')
  @Roles('coop-admin')
  @ApiOkResponse({ type: HubLinkView })
  status(): Promise<HubLinkView> {
    return this.queries.status();
  }
}
