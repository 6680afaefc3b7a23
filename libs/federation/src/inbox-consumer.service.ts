import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { JsMsg } from 'nats';
import { backoffDelay, sleep } from './backoff';
import { FEDERATION_OPTIONS, FederationOptions } from './federation-options';
import { InboxProcessor } from './inbox-processor';
import { NatsLink } from './nats-link.service';
import { TopologyService, isNotFound } from './topology.service';

const BATCH = 20;
const FETCH_EXPIRES_MS = 1000;
const STALL_MS = 2000;

/**
 * Pulls this side's durable consumer and hands each message to the inbox, one at a time (bounded
 * concurrency: a slow database slows the pull, it never piles up unacknowledged work). Acks only
 * after the inbox transaction committed. If the stream or consumer disappears, the hub recreates its
 * topology and the loop carries on; a node waits for the hub to create its consumer.
 */
@Injectable()
export class InboxConsumer {
  private readonly logger = new Logger(InboxConsumer.name);
  private readonly stopping = new AbortController();
  private running: Promise<void> | null = null;

  constructor(
    @Inject(FEDERATION_OPTIONS) private readonly options: FederationOptions,
    private readonly link: NatsLink,
    private readonly processor: InboxProcessor,
    @Optional() private readonly topology?: TopologyService,
  ) {}

  start(): void {
    this.running ??= this.loop();
  }

  /** Stops pulling and waits for the message in hand to finish. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
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
        if (!js) continue;
        const { stream, durable } = this.names;
        const consumer = await js.consumers.get(stream, durable);
        failures = 0;
        while (!signal.aborted) {
          const batch = await consumer.fetch({ max_messages: BATCH, expires: FETCH_EXPIRES_MS });
          // A pull lost with the connection can leave the iterator waiting long after it expired;
          // the watchdog ends it so the loop pulls again on the restored link.
          let watchdog = setTimeout(() => batch.stop(), FETCH_EXPIRES_MS + STALL_MS);
          try {
            for await (const msg of batch) {
              clearTimeout(watchdog);
              await this.handle(msg);
              if (signal.aborted) break;
              watchdog = setTimeout(() => batch.stop(), FETCH_EXPIRES_MS + STALL_MS);
            }
          } finally {
            clearTimeout(watchdog);
          }
        }
      } catch (error) {
        failures++;
        const wait = backoffDelay(failures, 250, 5000);
        if (this.options.side.kind === 'node' && isNotFound(error)) {
          // Normal until the hub has processed this co-op's first registration.
          this.logger.debug({ msg: 'waiting for the hub to create this co-op\'s consumer', retryInMs: wait });
        } else {
          this.logger.warn({ msg: 'inbox consumer interrupted', reason: (error as Error).message, retryInMs: wait });
        }
        if (this.topology) await this.topology.ensure().catch((e: Error) => this.logger.warn({ msg: 'could not restore topology', reason: e.message }));
        await sleep(wait, signal);
      }
    }
  }

  private async handle(msg: JsMsg): Promise<void> {
    const disposition = await this.processor.process({ subject: msg.subject, data: msg.data, deliveryCount: msg.info.deliveryCount });
    switch (disposition.action) {
      case 'ack':
        await msg.ackAck().catch(() => false);
        break;
      case 'nak':
        msg.nak(disposition.delayMs);
        break;
      case 'term':
        msg.term();
        break;
    }
  }
}
