import { connect, NatsConnection } from 'nats';

import { subjectScheme } from '@app/contracts';

import { provisionHubCoops } from '../../apps/consortium-hub/src/bootstrap';
import { HubConfig } from '../../apps/consortium-hub/src/config/hub.config';
import { NodeCounts, SimulatedNode } from './simulated-node';

export interface FleetOptions {
  /** How many co-ops. */
  coops: number;
  /** Co-op ids are `<prefix>-<n>`: unique per fleet, as provisioning refuses an id twice. */
  prefix: string;
  /** The last `silent` co-ops hear live questions and never answer. */
  silent?: number;
  /** One NATS connection for the whole fleet instead of one per co-op (lighter; not what the hub sees in production). */
  sharedConnection?: boolean;
  /** Connections opened at once: a thousand at the same instant is a storm no real consortium makes. */
  connectAtOnce?: number;
}

const LOCALITIES = ['Marsden', 'Slaithwaite', 'Holmfirth', 'Meltham', 'Honley', 'Golcar', 'Linthwaite', 'Kirkburton'];

/** Runs `work` over `items`, `atOnce` at a time. */
export async function inTurns<T>(items: T[], atOnce: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) await work(items[i], i);
  };
  await Promise.all(Array.from({ length: Math.min(atOnce, items.length) }, worker));
}

/**
 * Many simulated co-op nodes in one process (scripts/fleet/simulated-node.ts), provisioned on the
 * hub in bulk, each with its own key, subjects, NATS connection and durable consumer: what the hub
 * and the NATS server see of a regional consortium, without a database per co-op.
 */
export class Fleet {
  private shared: NatsConnection | null = null;

  private constructor(
    readonly nodes: SimulatedNode[],
    private readonly options: FleetOptions,
    private readonly natsUrl: string,
  ) {}

  /** Provisions every co-op on the hub's registry at once (one transaction, the NATS authorization written once). */
  static async provision(hub: HubConfig, options: FleetOptions): Promise<Fleet> {
    const silent = options.silent ?? 0;
    const requests = Array.from({ length: options.coops }, (_, i) => ({
      coopId: `${options.prefix}-${i + 1}`,
      name: `${options.prefix} co-op ${i + 1}`,
    }));
    const { coops, hubPublicKey } = await provisionHubCoops(hub, requests);
    const scheme = subjectScheme(hub.NATS_SUBJECT_ROOT);
    const nodes = coops.map(
      (c, i) =>
        new SimulatedNode({
          coopId: c.coopId,
          name: requests[i].name,
          seed: c.seed,
          scheme,
          natsUrl: hub.NATS_URL,
          hubPublicKey,
          // One to three of the consortium's localities, as the hub's registry holds them after registration.
          localities: LOCALITIES.slice(i % LOCALITIES.length, (i % LOCALITIES.length) + 1 + (i % 3)),
          silent: i >= options.coops - silent,
        }),
    );
    return new Fleet(nodes, options, hub.NATS_URL);
  }

  get silent(): SimulatedNode[] {
    return this.nodes.slice(this.nodes.length - (this.options.silent ?? 0));
  }

  get live(): SimulatedNode[] {
    return this.nodes.slice(0, this.nodes.length - (this.options.silent ?? 0));
  }

  /** Connects every node (its own connection, unless sharedConnection), a few at a time. */
  async connect(): Promise<void> {
    if (this.options.sharedConnection) {
      this.shared = await connect({ servers: this.natsUrl, name: `fleet ${this.options.prefix}`, maxReconnectAttempts: -1 });
    }
    await inTurns(this.nodes, this.options.connectAtOnce ?? 50, (n) => n.connect(this.shared ?? undefined));
  }

  /** Every node answers live questions, pulls its consumer, beats, and registers, as a node starts. */
  async start({ heartbeatMs, register = true }: { heartbeatMs: number; register?: boolean }): Promise<void> {
    for (const n of this.nodes) {
      n.answerLiveQuestions();
      n.startPulling();
      n.startHeartbeats(heartbeatMs);
    }
    if (register) await inTurns(this.nodes, 50, (n) => n.register());
  }

  /** How many nodes have the hub's answer to their registration. */
  registered(): number {
    return this.nodes.filter((n) => n.registeredAt).length;
  }

  /**
   * A backlog: `perCoop` profile changes from every node, published as each node's relay would after
   * an outage (JetStream, Nats-Msg-Id). They are dated from now a millisecond apart, so each is newer
   * than the registration and the last, and the hub applies every one. Returns the message ids.
   */
  async publishBacklog(perCoop: number, atOnce = 64): Promise<string[]> {
    const ids: string[] = [];
    const start = Date.now();
    // Each node's messages in order, as its relay publishes them; several nodes at a time.
    await inTurns(this.nodes, atOnce, async (node) => {
      for (let k = 0; k < perCoop; k++) ids.push(await node.publishProfileUpdate(new Date(start + k)));
    });
    return ids;
  }

  totals(): NodeCounts & { unconfirmed: number } {
    const sum: NodeCounts & { unconfirmed: number } = {
      applied: 0,
      repeats: 0,
      refused: 0,
      receipts: { applied: 0, rejected: 0 },
      answered: 0,
      heartbeats: 0,
      unconfirmed: 0,
    };
    for (const n of this.nodes) {
      sum.applied += n.counts.applied;
      sum.repeats += n.counts.repeats;
      sum.refused += n.counts.refused;
      sum.receipts.applied += n.counts.receipts.applied;
      sum.receipts.rejected += n.counts.receipts.rejected;
      sum.answered += n.counts.answered;
      sum.heartbeats += n.counts.heartbeats;
      sum.unconfirmed += n.unconfirmed.size;
    }
    return sum;
  }

  async stop(): Promise<void> {
    await inTurns(this.nodes, 100, (n) => n.stop());
    await this.shared?.close().catch(() => undefined);
  }
}
