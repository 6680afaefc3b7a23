import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';

import { safeErrorMessage } from '@app/platform';

import { FederationRetention } from './federation-retention';
import { InboxConsumer } from './inbox-consumer.service';
import { NatsLink } from './nats-link.service';
import { OutboxRelay } from './outbox-relay.service';
import { TopologyService } from './topology.service';

/**
 * Starts the federation only once every module is initialised (so no message arrives before its
 * handler is registered), and on shutdown stops pulling, lets the messages in hand finish (and puts
 * back those not started), then lets the NATS link drain. The retention job runs beside them.
 */
@Injectable()
export class FederationLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(FederationLifecycle.name);

  constructor(
    private readonly link: NatsLink,
    private readonly relay: OutboxRelay,
    private readonly consumer: InboxConsumer,
    private readonly retention: FederationRetention,
    @Optional() private readonly topology?: TopologyService,
  ) {}

  onApplicationBootstrap(): void {
    this.link.start();
    if (this.topology) {
      const topology = this.topology;
      void this.link
        .whenConnected()
        .then(() =>
          topology.ensure().catch((e: unknown) => this.logger.warn({ msg: 'topology not ready yet', reason: safeErrorMessage(e) })),
        );
    }
    this.relay.start();
    this.consumer.start();
    this.retention.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([this.consumer.stop(), this.relay.stop(), this.retention.stop()]);
  }
}
