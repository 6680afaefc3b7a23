import { DynamicModule, Global, Module, Provider } from '@nestjs/common';

import { AskClient, AskServer } from './asks';
import { FederationLifecycle } from './federation.lifecycle';
import { FEDERATION_DATA_SOURCE, FederationDatabaseCloser, federationDataSourceProvider } from './federation-database';
import { FederationMetrics } from './federation-metrics';
import { FEDERATION_OPTIONS, FederationOptions } from './federation-options';
import { FederationRetention } from './federation-retention';
import { InboxConsumer } from './inbox-consumer.service';
import { InboxHandlers, ReceiptHandlers } from './inbox-handlers';
import { InboxProcessor } from './inbox-processor';
import { IntakeCounters } from './intake-counters';
import { NatsLink } from './nats-link.service';
import { OutboxService } from './outbox.service';
import { OutboxRelay } from './outbox-relay.service';
import { TopologyService } from './topology.service';

/**
 * The outbox/inbox machinery over JetStream, the same for the hub and for a node. Needs a TypeORM
 * DataSource, from whose options it makes its own small pool (FEDERATION_DB_POOL) for the relay.
 */
@Global()
@Module({})
export class FederationModule {
  static forRoot(options: FederationOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: FEDERATION_OPTIONS, useValue: options },
      federationDataSourceProvider,
      FederationDatabaseCloser,
      NatsLink,
      IntakeCounters,
      FederationMetrics,
      OutboxService,
      OutboxRelay,
      InboxHandlers,
      ReceiptHandlers,
      InboxProcessor,
      InboxConsumer,
      FederationRetention,
      FederationLifecycle,
      options.side.kind === 'hub' ? AskServer : AskClient,
      ...(options.side.kind === 'hub' ? [TopologyService] : []),
    ];
    return {
      module: FederationModule,
      providers,
      exports: [
        NatsLink,
        IntakeCounters,
        FederationMetrics,
        OutboxService,
        OutboxRelay,
        InboxHandlers,
        ReceiptHandlers,
        InboxProcessor,
        FederationRetention,
        FEDERATION_OPTIONS,
        FEDERATION_DATA_SOURCE,
        options.side.kind === 'hub' ? AskServer : AskClient,
        ...(options.side.kind === 'hub' ? [TopologyService] : []),
      ],
    };
  }
}
