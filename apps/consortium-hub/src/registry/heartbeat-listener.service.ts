import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Msg, Subscription } from 'nats';
import { DataSource } from 'typeorm';

import { COOP_HEARTBEAT_V1, CoopHeartbeatV1, decodeMessage, Envelope } from '@app/contracts';
import {
  FEDERATION_OPTIONS,
  FederationOptions,
  IntakeCounters,
  NatsLink,
  shielded,
  SIGNATURE_KEYS,
  SignatureKeys,
  verifySignature,
} from '@app/federation';
import { safeErrorMessage } from '@app/platform';

const FLUSH_MS = 1000;

/**
 * Listens to every co-op's heartbeat (core NATS, a queue group so several hub instances share the
 * work) and records the latest per co-op. Writes are batched once a second: a thousand nodes beating
 * every five seconds cost one UPDATE a second, not two hundred. Anything that is not a heartbeat
 * signed by its co-op is refused and counted; nothing on this subject can stop the listening.
 */
@Injectable()
export class HeartbeatListener implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(HeartbeatListener.name);
  private readonly latest = new Map<string, { at: Date; version: string }>();
  private sub: Subscription | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(FEDERATION_OPTIONS) private readonly options: FederationOptions,
    private readonly link: NatsLink,
    private readonly dataSource: DataSource,
    @Inject(SIGNATURE_KEYS) private readonly keys: SignatureKeys,
    private readonly counters: IntakeCounters,
  ) {}

  onApplicationBootstrap(): void {
    this.link.onConnection(() => this.subscribe());
    this.timer = setInterval(
      () => void this.flush().catch((e: unknown) => this.logger.warn({ msg: 'heartbeat flush failed', reason: safeErrorMessage(e) })),
      FLUSH_MS,
    );
  }

  private subscribe(): void {
    const nc = this.link.connection;
    if (!nc) return;
    this.sub = nc.subscribe(this.options.scheme.allHeartbeats(), {
      queue: 'hub',
      callback: shielded('heartbeats', this.counters, this.logger, (err, msg: Msg) => (err ? undefined : this.receive(msg))),
    });
  }

  private async receive(msg: Msg): Promise<void> {
    const at = new Date();
    const subjectCoop = msg.subject.split('.')[3];
    // Only a heartbeat is even looked at: a message claiming another type is refused before its payload is read.
    const decoded = decodeMessage(msg.data, { direction: 'coop-to-hub', subjectCoopId: subjectCoop, only: COOP_HEARTBEAT_V1 });
    if (!decoded.ok) return this.refuse(msg.subject, decoded.code, decoded.reason);
    const envelope = decoded.envelope as Envelope<CoopHeartbeatV1>;
    const key = await this.keys.keyFor(envelope.coopId);
    if (!key || !verifySignature(envelope, key)) return this.refuse(msg.subject, 'bad-signature', 'signature does not verify');
    this.latest.set(envelope.coopId, { at, version: envelope.payload.nodeVersion });
  }

  private refuse(subject: string, code: Parameters<IntakeCounters['refused']>[1], reason: string): void {
    const refused = this.counters.refused('heartbeats', code);
    if (refused)
      this.logger.warn({ msg: 'heartbeat refused', subject: subject.slice(0, 200), code, refused, reason: reason.slice(0, 500) });
  }

  async flush(): Promise<void> {
    if (this.latest.size === 0) return;
    const batch = [...this.latest.entries()];
    this.latest.clear();
    await this.dataSource.query(
      `UPDATE coop SET last_heartbeat_at = GREATEST(coop.last_heartbeat_at, b.at), node_version = b.version
         FROM unnest($1::text[], $2::timestamptz[], $3::text[]) AS b(id, at, version)
        WHERE coop.id = b.id AND coop.status <> 'left'`,
      [batch.map(([id]) => id), batch.map(([, v]) => v.at.toISOString()), batch.map(([, v]) => v.version)],
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.sub?.unsubscribe();
    await this.flush().catch(() => undefined);
  }
}
