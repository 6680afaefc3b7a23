import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Subscription } from 'nats';
import { COOP_HEARTBEAT_V1, CoopHeartbeatV1, decodeMessage } from '@app/contracts';
import { FEDERATION_OPTIONS, FederationOptions, NatsLink, SIGNATURE_KEYS, SignatureKeys, verifySignature } from '@app/federation';

const FLUSH_MS = 1000;

/**
 * Listens to every co-op's heartbeat (core NATS, a queue group so several hub instances share the
 * work) and records the latest per co-op. Writes are batched once a second: a thousand nodes beating
 * every five seconds cost one UPDATE a second, not two hundred.
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
  ) {}

  onApplicationBootstrap(): void {
    void this.link.whenConnected().then(() => this.subscribe());
    this.timer = setInterval(() => void this.flush().catch((e: Error) => this.logger.warn({ msg: 'heartbeat flush failed', reason: e.message })), FLUSH_MS);
  }

  private subscribe(): void {
    const nc = this.link.connection;
    if (!nc) return;
    this.sub = nc.subscribe(this.options.scheme.allHeartbeats(), {
      queue: 'hub',
      callback: (err, msg) => {
        if (err) return;
        const subjectCoop = msg.subject.split('.')[3];
        const decoded = decodeMessage(msg.data, { direction: 'coop-to-hub', subjectCoopId: subjectCoop });
        if (!decoded.ok || decoded.definition !== COOP_HEARTBEAT_V1) {
          this.logger.warn({ msg: 'heartbeat refused', subject: msg.subject, reason: decoded.ok ? 'not a heartbeat' : decoded.reason });
          return;
        }
        const at = new Date();
        void this.keys.keyFor(decoded.envelope.coopId).then((key) => {
          if (!key || !verifySignature(decoded.envelope, key)) {
            this.logger.warn({ msg: 'heartbeat refused', subject: msg.subject, reason: 'signature does not verify' });
            return;
          }
          this.latest.set(decoded.envelope.coopId, { at, version: (decoded.envelope.payload as CoopHeartbeatV1).nodeVersion });
        });
      },
    });
  }

  async flush(): Promise<void> {
    if (this.latest.size === 0) return;
    const batch = [...this.latest.entries()];
    this.latest.clear();
    await this.dataSource.query(
      `UPDATE coop SET last_heartbeat_at = GREATEST(coop.last_heartbeat_at, b.at), node_version = b.version
         FROM unnest($1::text[], $2::timestamptz[], $3::text[]) AS b(id, at, version)
        WHERE coop.id = b.id`,
      [batch.map(([id]) => id), batch.map(([, v]) => v.at.toISOString()), batch.map(([, v]) => v.version)],
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.sub?.unsubscribe();
    await this.flush().catch(() => undefined);
  }
}
