import { Inject, Injectable, Logger } from '@nestjs/common';
import { AckPolicy, DeliverPolicy, DiscardPolicy, JetStreamManager, RetentionPolicy, StorageType, nanos } from 'nats';
import { MAX_MESSAGE_BYTES } from '@app/contracts';
import { FEDERATION_OPTIONS, FederationOptions } from './federation-options';
import { NatsLink } from './nats-link.service';

const DAY_MS = 86_400_000;

/**
 * The hub owns the JetStream topology: one stream for everything co-ops send, one for everything the
 * hub sends, the hub's durable consumer, and one durable consumer per co-op filtered to its own
 * subjects. Every call is idempotent, so it runs at start, after a co-op registers, and whenever a
 * consumer finds its stream or consumer gone (a broker that lost its state).
 */
@Injectable()
export class TopologyService {
  private readonly logger = new Logger(TopologyService.name);
  private readonly nodeConsumers = new Set<string>();

  constructor(
    @Inject(FEDERATION_OPTIONS) private readonly options: FederationOptions,
    private readonly link: NatsLink,
  ) {}

  async ensure(): Promise<void> {
    const jsm = await this.requireManager();
    const { scheme, config } = this.options;
    await this.ensureStream(jsm, scheme.coopStream(), scheme.allCoopMessages());
    await this.ensureStream(jsm, scheme.hubStream(), scheme.allHubMessages());
    await this.ensureConsumer(jsm, scheme.coopStream(), scheme.hubConsumer(), scheme.allCoopMessages(), config.INBOX_ACK_WAIT_MS);
    for (const coopId of this.nodeConsumers) await this.ensureNodeConsumer(coopId);
  }

  /** Remembers co-ops whose consumers `ensure()` must (re)create, without touching NATS. */
  adopt(coopIds: string[]): void {
    coopIds.forEach((id) => this.nodeConsumers.add(id));
  }

  /** The durable consumer a co-op's node pulls its messages from; the node cannot create it itself. */
  async ensureNodeConsumer(coopId: string): Promise<void> {
    const jsm = await this.requireManager();
    const { scheme, config } = this.options;
    await this.ensureConsumer(jsm, scheme.hubStream(), scheme.nodeConsumer(coopId), scheme.hubMessagesFor(coopId), config.INBOX_ACK_WAIT_MS);
    this.nodeConsumers.add(coopId);
  }

  private async requireManager(): Promise<JetStreamManager> {
    const jsm = await this.link.manager();
    if (!jsm) throw new Error('NATS is not connected');
    return jsm;
  }

  private async ensureStream(jsm: JetStreamManager, name: string, subject: string): Promise<void> {
    try {
      await jsm.streams.info(name);
      return;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    try {
      await jsm.streams.add({
        name,
        subjects: [subject],
        retention: RetentionPolicy.Limits,
        storage: StorageType.File,
        discard: DiscardPolicy.Old,
        max_age: nanos(14 * DAY_MS),
        duplicate_window: nanos(120_000),
        max_msg_size: MAX_MESSAGE_BYTES,
        num_replicas: 1,
      });
      this.logger.log({ msg: 'created stream', stream: name, subject });
    } catch (error) {
      if (!/already in use|exists/i.test((error as Error).message)) throw error;
    }
  }

  private async ensureConsumer(jsm: JetStreamManager, stream: string, durable: string, filter: string, ackWaitMs: number): Promise<void> {
    try {
      await jsm.consumers.info(stream, durable);
      return;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    await jsm.consumers.add(stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: filter,
      ack_wait: nanos(ackWaitMs),
      // The inbox dead-letters a message on its last allowed delivery; this is only a backstop.
      max_deliver: this.options.config.INBOX_MAX_DELIVER + 1,
      max_ack_pending: 1000,
    });
    this.logger.log({ msg: 'created consumer', stream, durable, filter });
  }
}

export function isNotFound(error: unknown): boolean {
  const e = error as { code?: string; api_error?: { err_code?: number }; message?: string };
  return e?.code === '404' || e?.api_error?.err_code === 10059 || e?.api_error?.err_code === 10014 || /not found/i.test(e?.message ?? '');
}
