import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { IntakeCounters, NatsLink, OutboxService } from '@app/federation';

import { NodeConfig } from '../config/node.config';
import { NODE_CONFIG } from '../config/node-config.token';
import { HubLinkView } from './hub-link.dto';
import { HubLink } from './hub-link.entity';

/** The node's link to the hub as its admin reads it: NATS, registration, and what is still waiting to be confirmed. */
@Injectable()
export class HubLinkQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly link: NatsLink,
    private readonly outbox: OutboxService,
    private readonly counters: IntakeCounters,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
  ) {}

  async status(): Promise<HubLinkView> {
    const hubLink = await this.dataSource.getRepository(HubLink).findOneBy({ coopId: this.config.COOP_ID });
    const [dead]: { n: string }[] = await this.dataSource.query('SELECT count(*) AS n FROM dead_letter');
    const nats = this.link.health();
    return {
      coopId: this.config.COOP_ID,
      natsConnected: nats.status === 'up',
      nats,
      registryStatus: hubLink?.registryStatus ?? null,
      registeredAt: hubLink?.registeredAt.toISOString() ?? null,
      outbox: await this.outbox.counts(),
      deadLetters: Number(dead.n),
      intake: { refused: this.counters.snapshot() },
    };
  }
}
