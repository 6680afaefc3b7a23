import { INestApplication } from '@nestjs/common';
import { connect } from 'nats';
import { createUser } from 'nkeys.js';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { subjectScheme } from '@app/contracts';
import { EnvelopeSigner } from '@app/federation';
import { dropDatabase, loadConfig, newAuthKeyPair, nodeTokens, TokenService } from '@app/platform';

import { migrateHub, startHub } from '../../../../apps/consortium-hub/src/bootstrap';
import { HubConfig } from '../../../../apps/consortium-hub/src/config/hub.config';
import { hubDataSourceOptions } from '../../../../apps/consortium-hub/src/database/database-options';
import { provisionCoop, refreshNatsAuthorization } from '../../../../apps/consortium-hub/src/registry';
import { startNode } from '../../../../apps/local-coop-node/src/bootstrap';
import { NodeConfig } from '../../../../apps/local-coop-node/src/config/node.config';
import { BenchContext } from '../figure';

/**
 * The servers one figure runs against: a subject root, a hub database and node databases of its own
 * (`ccm_bench_<run>_<figure>_…`), dropped with the figure's streams when the figure ends, whether it
 * passed or failed. The apps run in-process from their sources, started as `startHub`/`startNode` start
 * them in production, with production timings unless a figure overrides one.
 */
export class BenchMesh {
  readonly root: string;
  readonly hubSeed = newSeed();
  readonly hubAuth = newAuthKeyPair();
  private readonly databases = new Set<string>();
  private readonly seeds = new Map<string, string>();
  private readonly nodeAuth = new Map<string, ReturnType<typeof newAuthKeyPair>>();
  private readonly apps: INestApplication[] = [];

  constructor(
    private readonly ctx: BenchContext,
    private readonly figure: string,
  ) {
    this.root = `bench${ctx.runId}${figure.toLowerCase()}`;
    ctx.defer(() => this.dispose());
  }

  get scheme(): ReturnType<typeof subjectScheme> {
    return subjectScheme(this.root);
  }

  /** A database name of this figure's, dropped at its end. */
  database(part: string): string {
    const name = `ccm_bench_${this.ctx.runId}_${this.figure.toLowerCase()}_${part.replace(/-/g, '_')}`;
    this.databases.add(name);
    return name;
  }

  hubConfig(overrides: Record<string, string> = {}): HubConfig {
    return loadConfig(HubConfig, {
      ...this.baseEnv(),
      DB_NAME: this.database('hub'),
      NATS_NKEY_SEED: this.hubSeed,
      AUTH_PUBLIC_KEY: this.hubAuth.AUTH_PUBLIC_KEY,
      AUTH_PRIVATE_KEY: this.hubAuth.AUTH_PRIVATE_KEY,
      ...overrides,
    });
  }

  nodeConfig(coopId: string, overrides: Record<string, string> = {}): NodeConfig {
    return loadConfig(NodeConfig, this.nodeEnv(coopId, overrides));
  }

  /** A node's settings as the environment variables it is started with (in-process or as its own process). */
  nodeEnv(coopId: string, overrides: Record<string, string> = {}): Record<string, string> {
    return {
      ...this.baseEnv(),
      COOP_ID: coopId,
      COOP_NAME: `${coopId} care co-op`,
      COOP_LOCALITIES: 'Marsden,Slaithwaite',
      COOP_SERVICES: 'personal-care,befriending',
      DB_NAME: this.database(coopId),
      NATS_NKEY_SEED: this.seedOf(coopId),
      HUB_PUBLIC_KEY: new EnvelopeSigner(this.hubSeed).publicKey,
      AUTH_PUBLIC_KEY: this.nodeAuthOf(coopId).AUTH_PUBLIC_KEY,
      ...overrides,
    };
  }

  /** A token the co-op's node accepts, as `local-coop-node token` makes. */
  nodeToken(coopId: string, role: string): string {
    return TokenService.fromSettings({ ...this.nodeAuthOf(coopId), AUTH_TOKEN_MAX_HOURS: 1 }, nodeTokens(coopId)).issue({
      subject: `bench-${role}`,
      role,
      ttlSeconds: 3600,
    });
  }

  private nodeAuthOf(coopId: string): ReturnType<typeof newAuthKeyPair> {
    if (!this.nodeAuth.has(coopId)) this.nodeAuth.set(coopId, newAuthKeyPair());
    return this.nodeAuth.get(coopId)!;
  }

  /**
   * Registers co-ops on the hub as `consortium-hub provision` does (its command, in one connection,
   * the NATS authorization written once at the end); each co-op's seed signs its messages.
   */
  async provision(coopIds: readonly string[]): Promise<Map<string, EnvelopeSigner>> {
    const config = this.hubConfig();
    await migrateHub(config);
    const ds = await new DataSource(hubDataSourceOptions(config)).initialize();
    const signers = new Map<string, EnvelopeSigner>();
    try {
      for (const coopId of coopIds) {
        const out = await provisionCoop(ds, { coopId, name: `${coopId} care co-op` });
        this.seeds.set(coopId, out.seed);
        signers.set(coopId, new EnvelopeSigner(out.seed));
      }
      await refreshNatsAuthorization(ds, config);
    } finally {
      await ds.destroy();
    }
    return signers;
  }

  seedOf(coopId: string): string {
    if (!this.seeds.has(coopId)) this.seeds.set(coopId, newSeed());
    return this.seeds.get(coopId)!;
  }

  async startHub(overrides: Record<string, string> = {}): Promise<INestApplication> {
    return this.started(await startHub(this.hubConfig(overrides)));
  }

  async startNode(coopId: string, overrides: Record<string, string> = {}): Promise<INestApplication> {
    return this.started(await startNode(this.nodeConfig(coopId, overrides)));
  }

  /** Closes one app before the figure ends (it is not closed twice). */
  async stop(app: INestApplication): Promise<void> {
    const i = this.apps.indexOf(app);
    if (i >= 0) this.apps.splice(i, 1);
    await app.close();
  }

  /** One query on one of this figure's databases. */
  async query<T = Record<string, unknown>>(database: string, sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ ...this.ctx.db, database });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  private started(app: INestApplication): INestApplication {
    this.apps.push(app);
    return app;
  }

  private baseEnv(): Record<string, string> {
    return {
      PORT: '0',
      NATS_URL: this.ctx.natsUrl,
      NATS_SUBJECT_ROOT: this.root,
      DB_HOST: this.ctx.db.host,
      DB_PORT: String(this.ctx.db.port),
      DB_USER: this.ctx.db.user,
      DB_PASSWORD: this.ctx.db.password,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
      RATE_LIMIT_PER_MINUTE: '1000000',
    };
  }

  private async dispose(): Promise<void> {
    for (const app of this.apps.reverse()) await app.close().catch(() => undefined);
    this.apps.length = 0;
    const nc = await connect({ servers: this.ctx.natsUrl });
    try {
      const jsm = await nc.jetstreamManager();
      for (const name of [this.scheme.coopStream(), this.scheme.hubStream()]) await jsm.streams.delete(name).catch(() => false);
    } finally {
      await nc.close();
    }
    for (const database of this.databases) await dropDatabase({ ...this.ctx.db, database });
  }
}

export function newSeed(): string {
  return Buffer.from(createUser().getSeed()).toString();
}
