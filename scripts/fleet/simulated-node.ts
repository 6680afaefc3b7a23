import { randomUUID } from 'node:crypto';

import { connect, ConsumerMessages, JsMsg, Msg, NatsConnection, nkeyAuthenticator, Subscription } from 'nats';

import {
  buildMessage,
  COOP_HEARTBEAT_V1,
  COOP_PROFILE_UPDATED_V1,
  COOP_RECEIPT_V1,
  COOP_REGISTERED_V1,
  CoopProfilePayload,
  decodeDurable,
  decodeQuestion,
  encodeMessage,
  MessageDefinition,
  REGISTRATION_ACCEPTED_V1,
  SPARE_CARE_HOURS_V1,
  SubjectScheme,
} from '@app/contracts';
import { EnvelopeSigner, isStreamFull, nodeInboxPrefix, verifySignature } from '@app/federation';
import { isReceipt } from '@app/federation/receipts';

/** What a simulated node is: a provisioned co-op's identity and how it behaves. */
export interface SimulatedNodeOptions {
  coopId: string;
  name: string;
  /** The co-op's NKey seed from provisioning: its NATS identity and its signing key. */
  seed: string;
  scheme: SubjectScheme;
  natsUrl: string;
  hubPublicKey: string;
  localities: string[];
  /** Hears live questions and never answers (a node that is down, or broken). */
  silent?: boolean;
}

/** What a simulated node has seen, for the fleet's report and the tests' checks. */
export interface NodeCounts {
  /** Hub messages applied (first delivery of each id); registration answers included. */
  applied: number;
  /** Hub messages delivered again after being applied: acknowledged, not applied twice. */
  repeats: number;
  /** Hub messages that did not decode or verify: terminated, never applied. */
  refused: number;
  /** Receipts from the hub, applied and rejected, for messages this node published. */
  receipts: { applied: number; rejected: number };
  answered: number;
  heartbeats: number;
}

/**
 * One co-op's node as the hub sees it, without its database: its own NATS connection (with the
 * co-op's NKey and inbox prefix, as apps/local-coop-node's NatsLink connects), signed envelopes
 * (EnvelopeSigner), a registration through JetStream with Nats-Msg-Id as the relay publishes it,
 * signed core-NATS heartbeats, its own durable consumer on the hub's stream pulled with one long
 * `consume()` (applied once by message id, acknowledged, and answered with a receipt as a node's
 * inbox does), and answers to live questions. What the node keeps is in memory: ids it applied,
 * which of its own messages the hub confirmed.
 */
export class SimulatedNode {
  readonly coopId: string;
  readonly signer: EnvelopeSigner;
  readonly counts: NodeCounts = { applied: 0, repeats: 0, refused: 0, receipts: { applied: 0, rejected: 0 }, answered: 0, heartbeats: 0 };
  /** Ids of the hub's messages applied: the node's inbox. */
  private readonly inbox = new Set<string>();
  /** Ids of this node's durable messages the hub has not yet confirmed: the node's outbox. */
  readonly unconfirmed = new Set<string>();
  registeredAt: Date | null = null;
  /** Hears live questions and never answers; can be changed while running. */
  silent: boolean;
  private nc: NatsConnection | null = null;
  private ownConnection = false;
  private pulling: ConsumerMessages | null = null;
  private pullLoop: Promise<void> | null = null;
  private questions: Subscription | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private profileVersion = 0;

  constructor(private readonly options: SimulatedNodeOptions) {
    this.coopId = options.coopId;
    this.signer = new EnvelopeSigner(options.seed);
    this.silent = options.silent ?? false;
  }

  get connection(): NatsConnection {
    if (!this.nc) throw new Error(`${this.coopId} is not connected`);
    return this.nc;
  }

  /**
   * Its own connection by default, as a real node has: the hub's NATS server sees one client per
   * co-op. `shared`: one connection for the whole fleet (fleet --shared-connection), lighter.
   */
  async connect(shared?: NatsConnection): Promise<void> {
    if (shared) {
      this.nc = shared;
      return;
    }
    this.nc = await connect({
      servers: this.options.natsUrl,
      name: `fleet ${this.coopId}`,
      authenticator: nkeyAuthenticator(new TextEncoder().encode(this.options.seed)),
      inboxPrefix: nodeInboxPrefix(this.coopId),
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
    });
    this.ownConnection = true;
  }

  /** The profile a node registers with at every start. */
  profile(): CoopProfilePayload {
    return {
      name: this.options.name,
      legalForm: 'community-benefit-society',
      localities: this.options.localities,
      servicesOffered: ['personal-care'],
      nodeVersion: '0.1.0-fleet',
    };
  }

  /** Registers as a node does at its start: `coop.registered` through JetStream, answered on its consumer. */
  async register(): Promise<void> {
    await this.publishDurable(COOP_REGISTERED_V1, this.profile());
  }

  /**
   * A signed durable message as the node's relay publishes it: JetStream with Nats-Msg-Id (the
   * envelope id), kept unconfirmed until the hub's receipt. A full subject (err 10077) is the
   * stream's per-subject limit: the relay backs off and tries again, so this does too.
   */
  async publishDurable<P extends object>(def: MessageDefinition<P>, payload: P, occurredAt = new Date()): Promise<string> {
    const envelope = this.signer.sign(buildMessage(def, payload, { coopId: this.coopId, occurredAt }));
    const subject = this.options.scheme.coopMessage(this.coopId, envelope.type);
    const data = encodeMessage(envelope);
    this.unconfirmed.add(envelope.id);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.connection.jetstream().publish(subject, data, { msgID: envelope.id, timeout: 10_000 });
        return envelope.id;
      } catch (error) {
        if (!isStreamFull(error) || attempt >= 50 || this.stopped) {
          // Not sent: nothing to wait a receipt for (a real relay keeps the row and tries again later).
          this.unconfirmed.delete(envelope.id);
          throw error;
        }
        await new Promise((r) => setTimeout(r, Math.min(5000, 100 * attempt)));
      }
    }
  }

  /** A profile change as a node's admin makes one: the backlog the fleet publishes is these. */
  publishProfileUpdate(occurredAt: Date): Promise<string> {
    this.profileVersion++;
    return this.publishDurable(COOP_PROFILE_UPDATED_V1, { ...this.profile(), nodeVersion: `0.1.${this.profileVersion}-fleet` }, occurredAt);
  }

  /** Signed core-NATS heartbeats, as HeartbeatService beats; the first at once. */
  startHeartbeats(intervalMs: number): void {
    const beat = () => {
      if (!this.nc || this.nc.isClosed()) return;
      const envelope = this.signer.sign(
        buildMessage(COOP_HEARTBEAT_V1, { nodeVersion: '0.1.0-fleet', outboxUnconfirmed: this.unconfirmed.size }, { coopId: this.coopId }),
      );
      this.nc.publish(this.options.scheme.coopHeartbeat(this.coopId), encodeMessage(envelope));
      this.counts.heartbeats++;
    };
    beat();
    // Spread over the interval: a thousand nodes started together would otherwise beat in step.
    this.heartbeatTimer = setInterval(beat, intervalMs * (0.95 + Math.random() * 0.1));
  }

  /** Answers the hub's live questions as LiveQuestionResponder does, unless told to stay silent. */
  answerLiveQuestions(): void {
    this.questions = this.connection.subscribe(this.options.scheme.query(SPARE_CARE_HOURS_V1.name), {
      callback: (err, msg) => {
        if (err || this.silent || !msg.reply) return;
        this.answer(msg);
      },
    });
  }

  private answer(msg: Msg): void {
    const decoded = decodeQuestion(SPARE_CARE_HOURS_V1, msg.data);
    if (!decoded.ok) return;
    const { questionId, weekStart } = decoded.question;
    // Believable: some hours spare in each locality, a few co-ops over-committed.
    const localities = this.options.localities.map((locality, i) => ({
      locality,
      spareHours: Math.round((hashOf(`${this.coopId}${i}`) % 4000) - 500) / 100,
    }));
    const totalSpareHours = Math.round(localities.reduce((sum, l) => sum + l.spareHours * 100, 0)) / 100;
    // The envelope buildMessage makes, without its validation: a thousand simulated nodes share one
    // process and one CPU with (in the bench) the hub, and a real node's 0.2 ms of checking its own
    // answer is spent on its own machine. The hub checks every answer in full.
    const envelope = this.signer.sign({
      id: randomUUID(),
      type: SPARE_CARE_HOURS_V1.answer.type,
      version: SPARE_CARE_HOURS_V1.answer.version,
      coopId: this.coopId,
      occurredAt: new Date().toISOString(),
      correlationId: questionId,
      payload: { questionId, coopId: this.coopId, weekStart, localities, totalSpareHours },
    });
    msg.respond(encodeMessage(envelope));
    this.counts.answered++;
  }

  /**
   * Pulls the co-op's own durable consumer (created by the hub when it applies the registration)
   * until stopped; waits for it to exist, as a node does.
   */
  startPulling(): void {
    this.pullLoop ??= this.pull();
  }

  private async pull(): Promise<void> {
    const { scheme } = this.options;
    while (!this.stopped) {
      try {
        const consumer = await this.connection.jetstream().consumers.get(scheme.hubStream(), scheme.nodeConsumer(this.coopId));
        this.pulling = await consumer.consume({ max_messages: 64, expires: 10_000, abort_on_missing_resource: true });
        if (this.stopped) void this.pulling.close();
        for await (const m of this.pulling) this.apply(m);
      } catch {
        // Not yet created (the hub has not applied the registration), or the hub was away: try again.
      }
      this.pulling = null;
      if (!this.stopped) await new Promise((r) => setTimeout(r, 250 + Math.random() * 250));
    }
  }

  /** The node's inbox: checks the hub's signature, applies each id once, sends a receipt, acknowledges. */
  private apply(m: JsMsg): void {
    const decoded = decodeDurable(m.subject, m.data, this.options.scheme, 'hub-to-coop');
    if (!decoded.ok || decoded.envelope.coopId !== this.coopId || !verifySignature(decoded.envelope, this.options.hubPublicKey)) {
      this.counts.refused++;
      return m.term();
    }
    const { envelope, definition } = decoded;
    if (this.inbox.has(envelope.id)) {
      this.counts.repeats++;
      return m.ack();
    }
    this.inbox.add(envelope.id);
    this.counts.applied++;
    if (isReceipt(definition)) {
      const receipt = envelope.payload as { messageId: string; outcome: 'applied' | 'rejected' };
      if (this.unconfirmed.delete(receipt.messageId)) this.counts.receipts[receipt.outcome]++;
      return m.ack();
    }
    if (envelope.type === REGISTRATION_ACCEPTED_V1.type) this.registeredAt ??= new Date();
    // Ack once the receipt is with JetStream: a receipt lost with the process is the hub's to republish.
    void this.publishDurable(COOP_RECEIPT_V1, {
      messageId: envelope.id,
      messageType: envelope.type,
      messageVersion: envelope.version,
      outcome: 'applied',
    }).then(
      (id) => {
        // A receipt gets no receipt of its own.
        this.unconfirmed.delete(id);
        m.ack();
      },
      () => m.nak(1000),
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.questions?.unsubscribe();
    await this.pulling?.close().catch(() => undefined);
    await this.pullLoop;
    if (this.ownConnection) await this.nc?.close().catch(() => undefined);
    this.nc = null;
  }
}

/** A stable small number from a string, for believable answers that do not change between runs. */
function hashOf(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}
