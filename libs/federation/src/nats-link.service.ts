import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { connect, ConnectionOptions, JetStreamClient, JetStreamManager, NatsConnection, nkeyAuthenticator } from 'nats';

import { safeErrorMessage } from '@app/platform';

import { backoffDelay, sleep } from './backoff';
import { FEDERATION_OPTIONS, FederationOptions } from './federation-options';
import { LinkProbe, NatsLinkHealth, probeTimings } from './link-probe';

/**
 * The process's one NATS connection. It connects in the background and keeps trying, so an app
 * starts and serves its own data while NATS is down; once connected, the client reconnects by itself.
 *
 * The client only notices a link that dies without closing (packets dropped, or its own reader loop
 * dead) after missing pings for tens of seconds, so the link probes itself four times per heartbeat
 * interval: a round trip to the server that does not come back in time marks the link down at once
 * and forces the client to reconnect.
 */
@Injectable()
export class NatsLink implements OnApplicationShutdown {
  private readonly logger = new Logger(NatsLink.name);
  private nc: NatsConnection | null = null;
  private up = false;
  private jsm: JetStreamManager | null = null;
  private readonly stopping = new AbortController();
  private connecting: Promise<void> | null = null;
  private readonly waiters: Array<() => void> = [];
  private readonly restoredListeners = new Set<() => void>();
  private readonly connectionListeners = new Set<(nc: NatsConnection) => void>();
  private readonly probe: LinkProbe;

  constructor(@Inject(FEDERATION_OPTIONS) private readonly options: FederationOptions) {
    this.probe = new LinkProbe(probeTimings(options.config.HEARTBEAT_INTERVAL_MS), {
      roundTrip: () => this.roundTrip(),
      onFailed: (reason) => this.probeFailed(reason),
    });
  }

  /** Starts connecting; resolves at once. */
  start(): void {
    this.connecting ??= this.connectLoop();
  }

  get connection(): NatsConnection | null {
    return this.nc && !this.nc.isClosed() ? this.nc : null;
  }

  /**
   * True while the link is up: false before the first connection, between disconnect and reconnect,
   * and from a failed probe until the client has reconnected.
   */
  isConnected(): boolean {
    return this.up && this.connection !== null;
  }

  /** The link as /ready and the federation status report it: down unless the last probe came back in time. */
  health(): NatsLinkHealth {
    return this.probe.health(this.isConnected());
  }

  private async roundTrip(): Promise<number | null> {
    const nc = this.isConnected() ? this.connection : null;
    return nc ? nc.rtt() : null;
  }

  private probeFailed(reason: string): void {
    const nc = this.connection;
    if (!nc || !this.up) return;
    this.up = false;
    this.logger.warn({ msg: 'NATS link not answering; forcing a reconnect', reason });
    // The client's own reconnect logic takes over (and resubscribes); "reconnect" brings the link back up.
    nc.reconnect().catch((error: unknown) => this.logger.warn({ msg: 'NATS reconnect refused', reason: safeErrorMessage(error) }));
  }

  jetstream(): JetStreamClient | null {
    return this.connection?.jetstream() ?? null;
  }

  async manager(): Promise<JetStreamManager | null> {
    const nc = this.connection;
    if (!nc) return null;
    this.jsm ??= await nc.jetstreamManager();
    return this.jsm;
  }

  /** Calls `listener` each time a lost link comes back (so work waiting on a back-off can go at once). */
  onRestored(listener: () => void): void {
    this.restoredListeners.add(listener);
  }

  /**
   * Calls `listener` with every new connection: the first, and each one made after the client gave up
   * on the last (a server that refused this identity for a while, e.g. a co-op that left and came
   * back). A subscription lives on one connection, so a subscriber subscribes here, not once.
   */
  onConnection(listener: (nc: NatsConnection) => void): void {
    this.connectionListeners.add(listener);
    const nc = this.connection;
    if (nc && this.up) listener(nc);
  }

  /** Resolves once the link is up (at once if it is), or when the app stops. */
  whenConnected(): Promise<void> {
    if (this.isConnected() || this.stopping.signal.aborted) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  get signal(): AbortSignal {
    return this.stopping.signal;
  }

  private async connectLoop(): Promise<void> {
    const { config, connectionName, side } = this.options;
    const opts: ConnectionOptions = {
      servers: config.NATS_URL.split(','),
      name: connectionName,
      // The process's own NKey: a server configured by "consortium-hub nats-config" lets a co-op
      // publish only on its own subjects and read only its own consumer and inbox.
      authenticator: nkeyAuthenticator(new TextEncoder().encode(config.NATS_NKEY_SEED)),
      ...(side.kind === 'node' ? { inboxPrefix: nodeInboxPrefix(side.coopId) } : {}),
      reconnect: true,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      timeout: 3000,
      // A second line of defence behind the probe: the client's own pings, paced by the heartbeat.
      pingInterval: Math.max(config.HEARTBEAT_INTERVAL_MS, 2000),
      maxPingOut: 3,
    };
    for (let attempt = 1; !this.stopping.signal.aborted; attempt++) {
      try {
        const nc = await connect(opts);
        if (this.stopping.signal.aborted) {
          await nc.close();
          return;
        }
        this.nc = nc;
        this.jsm = null;
        this.up = true;
        this.logger.log({ msg: 'connected to NATS', server: nc.getServer() });
        this.watch(nc);
        this.probe.start();
        this.waiters.splice(0).forEach((w) => w());
        this.connectionListeners.forEach((l) => l(nc));
        if (attempt > 1 || this.connectedBefore) this.restoredListeners.forEach((l) => l());
        this.connectedBefore = true;
        void nc.closed().then((error) => this.closedUnderUs(nc, error));
        return;
      } catch (error) {
        const wait = backoffDelay(attempt, 250, 10_000);
        this.logger.warn({ msg: 'NATS unreachable, will retry', attempt, retryInMs: wait, reason: safeErrorMessage(error) });
        await sleep(wait, this.stopping.signal);
      }
    }
  }

  private connectedBefore = false;

  /**
   * The client closes a connection for good after the server refused its credentials twice, or
   * reconnects were exhausted: this link then starts over, so a node whose identity comes back (or a
   * server that comes back under another configuration) is heard again without a restart.
   */
  private closedUnderUs(nc: NatsConnection, error: void | Error): void {
    if (this.stopping.signal.aborted || this.nc !== nc) return;
    this.nc = null;
    this.jsm = null;
    this.up = false;
    this.probe.lost(`connection closed: ${error ? safeErrorMessage(error) : 'closed'}`);
    this.logger.warn({ msg: 'NATS connection closed; connecting again', reason: error ? safeErrorMessage(error) : 'closed' });
    this.connecting = this.connectLoop();
  }

  private watch(nc: NatsConnection): void {
    void (async () => {
      for await (const s of nc.status()) {
        if (s.type === 'disconnect') {
          this.up = false;
          this.probe.lost('disconnected from the server');
        }
        if (s.type === 'reconnect') {
          this.probe.answered(null);
          this.up = true;
          this.waiters.splice(0).forEach((w) => w());
          this.restoredListeners.forEach((l) => l());
        }
        if (s.type === 'disconnect') this.logger.warn({ msg: 'NATS link lost; reconnecting', server: String(s.data) });
        if (s.type === 'reconnect') this.logger.log({ msg: 'NATS link restored', server: String(s.data) });
      }
    })().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    this.probe.stop();
    this.waiters.splice(0).forEach((w) => w());
    const nc = this.nc;
    this.nc = null;
    this.up = false;
    if (nc && !nc.isClosed()) await nc.drain().catch(() => nc.close());
  }
}

/** A co-op's private reply subjects: it may subscribe to these and no others' (a shared _INBOX.> would leak replies). */
export function nodeInboxPrefix(coopId: string): string {
  return `_INBOX_${coopId}`;
}
