import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  AckPolicy,
  ConsumerConfig,
  DeliverPolicy,
  DiscardPolicy,
  JetStreamManager,
  nanos,
  RetentionPolicy,
  StorageType,
  StreamConfig,
  StreamInfo,
} from 'nats';

import { MAX_MESSAGE_BYTES } from '@app/contracts';

import { FEDERATION_OPTIONS, FederationOptions } from './federation-options';
import { NatsLink } from './nats-link.service';

const DAY_MS = 86_400_000;
/**
 * The limits ensure() keeps in line with the configuration on a stream that already exists. The replica
 * count is one of them: nats-server 2.9 changes it by a stream update, copying what the stream holds to
 * the new replicas (checked on a three-server cluster); the consumers follow their stream (they are made
 * without a replica count of their own).
 */
const STREAM_LIMITS = ['max_msgs', 'max_bytes', 'max_msgs_per_subject', 'discard', 'discard_new_per_subject', 'num_replicas'] as const;
const CONSUMER_SETTINGS = ['ack_wait', 'max_deliver', 'max_ack_pending'] as const;
/** Co-op consumers created or updated at once when many are missing (a broker rebuilt under 1,000 co-ops). */
const NODE_CONSUMERS_AT_ONCE = 8;

/**
 * The hub owns the JetStream topology: one stream for everything co-ops send, one for everything the
 * hub sends, the hub's durable consumer, and one durable consumer per co-op filtered to its own
 * subjects. Every call is idempotent, so it runs at start, after a co-op registers, and whenever a
 * consumer finds its stream or consumer gone (a broker that lost its state); a stream or consumer
 * made by an older release is brought in line with the configuration.
 *
 * Both streams are work queues: a message stays until its consumer acknowledges it, so the limits
 * bound what waits, not what was ever sent. A subject is one co-op and one message type, so
 * STREAM_MAX_MSGS_PER_SUBJECT (with discard-new per subject) bounds one co-op's backlog: its next
 * publish is refused (err_code 10077) and its relay backs off, while other co-ops' subjects take
 * messages as before. The consumers never give up on a message themselves (max_deliver -1): the inbox
 * counts real failures and dead-letters; and max_ack_pending covers everything a stream can hold, so
 * messages put back for fairness never stop delivery to the other co-ops.
 */
@Injectable()
export class TopologyService {
  private readonly logger = new Logger(TopologyService.name);
  private readonly nodeConsumers = new Set<string>();
  private ensuring: Promise<void> = Promise.resolve();

  constructor(
    @Inject(FEDERATION_OPTIONS) private readonly options: FederationOptions,
    private readonly link: NatsLink,
  ) {}

  /** One at a time: two callers must not both find a stream to remake. */
  ensure(): Promise<void> {
    const run = this.ensuring.catch(() => undefined).then(() => this.ensureNow());
    this.ensuring = run;
    return run;
  }

  /** Remembers co-ops whose consumers `ensure()` must (re)create, without touching NATS. */
  adopt(coopIds: string[]): void {
    coopIds.forEach((id) => this.nodeConsumers.add(id));
  }

  /** The durable consumer a co-op's node pulls its messages from; the node cannot create it itself. */
  async ensureNodeConsumer(coopId: string): Promise<void> {
    const jsm = await this.requireManager();
    const { scheme } = this.options;
    await this.ensureConsumer(jsm, scheme.hubStream(), scheme.nodeConsumer(coopId), scheme.hubMessagesFor(coopId));
    this.nodeConsumers.add(coopId);
  }

  private async ensureNow(): Promise<void> {
    const jsm = await this.requireManager();
    const { scheme } = this.options;
    await this.ensureStream(jsm, scheme.coopStream(), scheme.allCoopMessages());
    await this.ensureStream(jsm, scheme.hubStream(), scheme.allHubMessages());
    await this.ensureConsumer(jsm, scheme.coopStream(), scheme.hubConsumer(), scheme.allCoopMessages());
    await this.ensureNodeConsumers(jsm);
  }

  /**
   * Every known co-op's consumer, from one listing of the stream's consumers (a page per 256): only a
   * missing one, or one out of line with the configuration, costs a request of its own, and those go
   * a few at a time. Asking consumers.info for each co-op in turn, as this did, was a thousand round
   * trips for a thousand co-ops at every start and after every hiccup of the hub's own consumer
   * (InboxConsumer calls ensure()), some seconds each time on a busy server, in which nothing else
   * of the topology could be ensured.
   */
  private async ensureNodeConsumers(jsm: JetStreamManager): Promise<void> {
    if (this.nodeConsumers.size === 0) return;
    const { scheme } = this.options;
    const stream = scheme.hubStream();
    const wanted = this.consumerSettings() as Record<string, unknown>;
    const inLine = new Set<string>();
    for await (const info of jsm.consumers.list(stream)) {
      const current = info.config as unknown as Record<string, unknown>;
      if (CONSUMER_SETTINGS.every((k) => current[k] === wanted[k])) inLine.add(info.name);
    }
    const due = [...this.nodeConsumers].filter((coopId) => !inLine.has(scheme.nodeConsumer(coopId)));
    const next = () => due.shift();
    const worker = async () => {
      for (let coopId = next(); coopId; coopId = next()) await this.ensureNodeConsumer(coopId);
    };
    await Promise.all(Array.from({ length: Math.min(NODE_CONSUMERS_AT_ONCE, due.length) }, worker));
  }

  private async requireManager(): Promise<JetStreamManager> {
    const jsm = await this.link.manager();
    if (!jsm) throw new Error('NATS is not connected');
    return jsm;
  }

  private streamConfig(name: string, subject: string): Partial<StreamConfig> & { name: string } {
    const { config } = this.options;
    return {
      name,
      subjects: [subject],
      retention: RetentionPolicy.Workqueue,
      storage: StorageType.File,
      discard: DiscardPolicy.New,
      discard_new_per_subject: true,
      max_msgs: config.STREAM_MAX_MSGS,
      max_bytes: config.STREAM_MAX_BYTES,
      max_msgs_per_subject: config.STREAM_MAX_MSGS_PER_SUBJECT,
      max_age: nanos(14 * DAY_MS),
      duplicate_window: nanos(120_000),
      max_msg_size: MAX_MESSAGE_BYTES,
      num_replicas: config.STREAM_REPLICAS,
    };
  }

  private async ensureStream(jsm: JetStreamManager, name: string, subject: string): Promise<void> {
    const wanted = this.streamConfig(name, subject);
    let info: StreamInfo | null = null;
    try {
      info = await jsm.streams.info(name);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    if (info && info.config.retention !== wanted.retention) {
      // nats-server cannot change a stream's retention in place. Nothing is lost by making it again:
      // every message in it is an outbox row its sender publishes again until a receipt settles it.
      this.logger.warn({
        msg: 'remaking stream as a work queue; senders republish what it held',
        stream: name,
        retention: info.config.retention,
        messages: info.state.messages,
      });
      await jsm.streams.delete(name);
      info = null;
    }
    if (info) {
      const current = info.config as unknown as Record<string, unknown>;
      const changed = STREAM_LIMITS.filter((k) => current[k] !== wanted[k]);
      if (changed.length === 0) return;
      const update = (limits: readonly string[]) =>
        jsm.streams.update(name, { ...info.config, ...Object.fromEntries(limits.map((k) => [k, wanted[k as keyof typeof wanted]])) });
      let applied: readonly string[] = changed;
      try {
        await update(STREAM_LIMITS);
      } catch (error) {
        if (!changed.includes('num_replicas')) throw error;
        // A server may refuse the replica count (fewer servers up than replicas, or a single server): the
        // stream keeps the copies it has and works as before, and the next ensure() tries again.
        this.logger.warn({
          msg: 'stream replicas not changed',
          stream: name,
          replicas: current.num_replicas,
          wanted: wanted.num_replicas,
          reason: (error as Error).message,
        });
        applied = changed.filter((k) => k !== 'num_replicas');
        if (applied.length === 0) return;
        await update(STREAM_LIMITS.filter((k) => k !== 'num_replicas'));
      }
      this.logger.log({ msg: 'updated stream limits', stream: name, changed: applied });
      return;
    }
    try {
      await jsm.streams.add(wanted);
      this.logger.log({ msg: 'created stream', stream: name, subject });
    } catch (error) {
      if (!/already in use|exists/i.test((error as Error).message)) throw error;
    }
  }

  private consumerSettings(): Pick<ConsumerConfig, (typeof CONSUMER_SETTINGS)[number]> {
    const { config } = this.options;
    return { ack_wait: nanos(config.INBOX_ACK_WAIT_MS), max_deliver: -1, max_ack_pending: config.STREAM_MAX_MSGS };
  }

  private async ensureConsumer(jsm: JetStreamManager, stream: string, durable: string, filter: string): Promise<void> {
    const wanted = this.consumerSettings();
    try {
      const info = await jsm.consumers.info(stream, durable);
      const current = info.config as unknown as Record<string, unknown>;
      const changed = CONSUMER_SETTINGS.filter((k) => current[k] !== wanted[k]);
      if (changed.length === 0) return;
      await jsm.consumers.update(stream, durable, { ...wanted });
      this.logger.log({ msg: 'updated consumer', stream, durable, changed });
      return;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    await jsm.consumers.add(stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: filter,
      ...wanted,
    });
    this.logger.log({ msg: 'created consumer', stream, durable, filter });
  }
}

export function isNotFound(error: unknown): boolean {
  const e = error as { code?: string; api_error?: { err_code?: number }; message?: string };
  return e?.code === '404' || e?.api_error?.err_code === 10059 || e?.api_error?.err_code === 10014 || /not found/i.test(e?.message ?? '');
}
