import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';

import { IntakeCounters, NatsLink, OutboxService } from '@app/federation';
import { Roles } from '@app/platform';

import { HubFederationStatusView } from './federation-status.dto';

@ApiTags('federation')
@ApiBearerAuth()
@Controller('federation')
export class FederationStatusController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly link: NatsLink,
    private readonly outbox: OutboxService,
    private readonly counters: IntakeCounters,
  ) {}

  /** The hub's side of the federation: its NATS link, what it refused, what is still to be confirmed. */
  @Get('status')
  @Roles('consortium-staff')
  @ApiOkResponse({ type: HubFederationStatusView })
  async status(): Promise<HubFederationStatusView> {
    const [dead] = await this.dataSource.query('SELECT count(*) AS n FROM dead_letter');
    return {
      nats: this.link.health(),
      intake: { refused: this.counters.snapshot() },
      outbox: await this.outbox.counts(),
      deadLetters: Number(dead.n),
    };
  }
}
