import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';

import { backoffDelay, NatsLink, sleep, TopologyService } from '@app/federation';
import { safeErrorMessage } from '@app/platform';

import { RegistryQueries } from './registry.queries';

/** At start, makes sure every known co-op has its durable consumer (the broker may have been rebuilt). */
@Injectable()
export class RegistryBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(RegistryBootstrap.name);

  constructor(
    private readonly link: NatsLink,
    private readonly topology: TopologyService,
    private readonly queries: RegistryQueries,
  ) {}

  onApplicationBootstrap(): void {
    void this.link.whenConnected().then(async () => {
      for (let attempt = 1; !this.link.signal.aborted; attempt++) {
        try {
          this.topology.adopt(await this.queries.allIds());
          await this.topology.ensure();
          return;
        } catch (error) {
          this.logger.warn({ msg: 'could not restore co-op consumers at start', attempt, reason: safeErrorMessage(error) });
          await sleep(backoffDelay(attempt, 500, 10_000), this.link.signal);
        }
      }
    });
  }
}
