import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';

import { buildMessage, COOP_HEARTBEAT_V1, encodeMessage } from '@app/contracts';
import { FEDERATION_OPTIONS, FederationOptions, NatsLink, OutboxService } from '@app/federation';
import { safeErrorMessage } from '@app/platform';

import { NODE_VERSION } from '../node-version';

/** Core NATS heartbeats: fire and forget; a missed beat only makes the hub show the node offline a little sooner. */
@Injectable()
export class HeartbeatService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(HeartbeatService.name);
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    @Inject(FEDERATION_OPTIONS) private readonly options: FederationOptions,
    private readonly link: NatsLink,
    private readonly outbox: OutboxService,
  ) {}

  onApplicationBootstrap(): void {
    void this.link.whenConnected().then(() => this.tick());
    this.timer = setInterval(() => this.tick(), this.options.config.HEARTBEAT_INTERVAL_MS);
  }

  private tick(): void {
    this.inFlight = this.beat();
  }

  async beat(): Promise<void> {
    const nc = this.link.isConnected() ? this.link.connection : null;
    if (!nc || this.options.side.kind !== 'node') return;
    try {
      const coopId = this.options.side.coopId;
      const envelope = this.options.signer.sign(
        buildMessage(COOP_HEARTBEAT_V1, { nodeVersion: NODE_VERSION, outboxUnconfirmed: await this.outbox.unconfirmed() }, { coopId }),
      );
      nc.publish(this.options.scheme.coopHeartbeat(coopId), encodeMessage(envelope));
    } catch (error) {
      this.logger.warn({ msg: 'heartbeat not sent', reason: safeErrorMessage(error) });
    }
  }

  /** Stops beating and lets a beat in hand finish before the database pool closes. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.inFlight;
  }
}
