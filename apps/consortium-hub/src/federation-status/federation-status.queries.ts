import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { IntakeCounters, NatsLink, OutboxService } from '@app/federation';

import { HubFederationStatusView } from './federation-status.dto';

/** The hub's side of the federation as staff read it: its NATS link, what it refused, what is still to be confirmed. */
@Injectable()
export class FederationStatusQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly link: NatsLink,
    private readonly outbox: OutboxService,
    private readonly counters: IntakeCounters,
  ) {}

  async status(): Promise<HubFederationStatusView> {
    const [dead]: { n: string }[] = await this.dataSource.query('SELECT count(*) AS n FROM dead_letter');
    return {
      nats: this.link.health(),
      intake: { refused: this.counters.snapshot() },
      outbox: await this.outbox.counts(),
      deadLetters: Number(dead.n),
    };
  }
}
