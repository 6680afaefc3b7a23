import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { ConsumerMessages } from 'nats';

import { safeErrorMessage } from '@app/platform';

import { backoffDelay, sleep } from './backoff';
import { FEDERATION_OPTIONS, FederationOptions } from './federation-options';
import { InboxDispatcher } from './inbox-dispatcher';
import { InboxProcessor } from './inbox-processor';
import { NatsLink } from './nats-link.service';
import { isNotFound, TopologyService } from './topology.service';

/** A pull's lifetime on the server; its idle heartbeat is half of it. */
const PULL_EXPIRES_MS = 10_000;

/**
 * Pulls this side's durable consumer through one long-lived `consume()`: one subscription for every
 * pull, which the client renews after a reconnect or missed heartbeats. (A loop of `fetch()` calls
 * opened and closed a subscription per batch, and a message the server sent to a batch that had
 * just closed waited the whole ack wait for its redelivery.) Every message goes to the dispatcher,
 * which applies them with bounded concurrency, each co-op's in order. If the stream or consumer
 * disappears the hub recreates its topology and pulls again; a node waits for the hub to create its
 * consumer. While this side's database is unavailable it stops pulling.
 */
@Injectable()
export class InboxConsumer {
  private readonly logger = new Logger(InboxConsumer.name);
  private readonly stopping = new AbortController();
  private readonly dispatcher: InboxDispatcher;
  private running: Promise<void> | null = null;
  private messages: ConsumerMessages | null = null;

  constructor(
    @Inject(FEDERATION_OPTIONS) private readonly options: FederationOptions,
    private readonly link: NatsLink,
    private readonly processor: InboxProcessor,
    @Optional() private readonly topology?: TopologyService,
  ) {
    this.dispatcher = new InboxDispatcher(processor, options.config, this.stopping.signal);
  }

  start(): void {
    this.running ??= this.loop();
  }

  /**
   * Stops pulling, lets the messages being applied finish, and puts back (nak, no delay) what was
   * received but not applied, so another instance gets it at once rather than after the ack wait.
   */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.messages?.close().catch(() => undefined);
    await this.dispatcher.close();
    await this.running;
    await this.processor.flush().catch(() => undefined);
  }

  private get names(): { stream: string; durable: string } {
    const { side, scheme } = this.options;
    return side.kind === 'hub'
      ? { stream: scheme.coopStream(), durable: scheme.hubConsumer() }
      : { stream: scheme.hubStream(), durable: scheme.nodeConsumer(side.coopId) };
  }

  private async loop(): Promise<void> {
    const signal = this.stopping.signal;
    let failures = 0;
    while (!signal.aborted) {
      try {
        await Promise.race([this.link.whenConnected(), sleep(1000, signal)]);
        const js = this.link.jetstream();
        if (!js || signal.aborted) continue;
        const { stream, durable } = this.names;
        const consumer = await js.consumers.get(stream, durable);
        const batch = Math.max(16, Math.min(256, this.options.config.INBOX_MAX_HELD));
        this.messages = await consumer.consume({ max_messages: batch, expires: PULL_EXPIRES_MS, abort_on_missing_resource: true });
        if (signal.aborted) void this.messages.close();
        failures = 0;
        for await (const msg of this.messages) {
          this.dispatcher.admit(msg);
          // Not reading also means not pulling: while the database is down, messages wait in JetStream.
          const paused = this.dispatcher.whilePaused();
          if (paused) await paused;
        }
        if (!signal.aborted) throw new Error('the pull ended');
      } catch (error) {
        if (signal.aborted) break;
        failures++;
        const wait = backoffDelay(failures, 250, 5000);
        if (this.options.side.kind === 'node' && isNotFound(error)) {
          // Normal until the hub has processed this co-op's first registration.
          this.logger.debug({ msg: "waiting for the hub to create this co-op's consumer", retryInMs: wait });
        } else {
          this.logger.warn({ msg: 'inbox consumer interrupted', reason: safeErrorMessage(error), retryInMs: wait });
        }
        if (this.topology)
          await this.topology
            .ensure()
            .catch((e: unknown) => this.logger.warn({ msg: 'could not restore topology', reason: safeErrorMessage(e) }));
        await sleep(wait, signal);
      } finally {
        this.messages = null;
      }
    }
  }
}
