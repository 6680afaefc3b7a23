import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { INestApplication } from '@nestjs/common';
import { connect } from 'nats';
import { createUser } from 'nkeys.js';
import request from 'supertest';

import { curvePublicKey, EnvelopeSigner, newCurveKey } from '@app/federation';
import {
  Clock,
  HUB_TOKENS,
  HubRole,
  loadConfig,
  newAuthKeyPair,
  NodeRole,
  nodeTokens,
  SettableClock,
  TokenAuthority,
  TokenService,
} from '@app/platform';

import { provisionHubCoop, startHub } from '../../apps/consortium-hub/src/bootstrap';
import { HubConfig } from '../../apps/consortium-hub/src/config/hub.config';
import { startNode } from '../../apps/local-coop-node/src/bootstrap';
import { NodeConfig } from '../../apps/local-coop-node/src/config/node.config';
import { ApiClient, HubApi, NodeApi } from './api';
import { dropTestDatabase, queryDb } from './test-database';
import { uniqueSuffix } from './unique';
import { waitFor } from './wait-for';

export type AuthKeyPair = ReturnType<typeof newAuthKeyPair>;

/** The subject of a candidate token that names no candidate: a UUID, as a candidate token's must be. */
export const NO_CANDIDATE = '00000000-0000-4000-8000-000000000000';

/** Fast timings so tests see redeliveries and republishes in seconds. */
const FAST = {
  OUTBOX_POLL_MS: '50',
  OUTBOX_RECEIPT_TIMEOUT_MS: '2000',
  OUTBOX_MAX_BACKOFF_MS: '1000',
  INBOX_ACK_WAIT_MS: '1500',
  INBOX_MAX_DELIVER: '3',
  HEARTBEAT_INTERVAL_MS: '300',
  // The hub writes heartbeats once a second (FLUSH_MS), so a running node's stored one can be 1.3 s old:
  // 4 s leaves a busy test process (hub, nodes and a browser on two CPUs) room before it reads offline.
  HEARTBEAT_TIMEOUT_MS: '4000',
  RATE_LIMIT_PER_MINUTE: '100000',
};

/**
 * A hub and any number of co-op nodes running in this process against the real PostgreSQL and NATS,
 * with databases, subject root and streams of their own, all removed by dispose().
 */
export class TestMesh {
  readonly id = uniqueSuffix();
  readonly root = `t${this.id}`;
  readonly hubDb = `ccm_test_hub_${this.id}`;
  /** The running hub, to reach its providers (`mesh.hubApp!.get(NatsLink)`). */
  hubApp: INestApplication | null = null;
  readonly nodes = new Map<string, INestApplication>();
  /** Further instances of the hub on the same database and NATS (startAnotherHub), closed by dispose(). */
  readonly otherHubs: INestApplication[] = [];
  private readonly databases = new Set<string>([this.hubDb]);
  readonly hubSeed = newSeed();
  /** Each co-op's NKey seed: given by provisioning once a hub exists, made locally for a node alone. */
  private readonly seeds = new Map<string, string>();
  /** Each node's curve seed, made as a node makes its own: what hired candidates' applications are sealed for. */
  private readonly curveSeeds = new Map<string, string>();
  private hubStarted = false;
  /** The hub's sign-in key pair; each app has its own, and a server is given only the public half. */
  readonly hubAuth: AuthKeyPair = newAuthKeyPair();
  private readonly nodeAuth = new Map<string, AuthKeyPair>();
  private readonly signers = new Map<string, TokenService>();

  constructor(readonly natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222') {}

  /** Where the hub's file sender writes candidates' one-time codes (read them with test/support/one-time-codes). */
  readonly codeDir = join(tmpdir(), `ccm-test-codes-${this.id}`);

  /** The hub mints candidates' tokens at sign-in, so it has its private key as well as the public one. */
  hubConfig(overrides: Record<string, string> = {}): HubConfig {
    return loadConfig(HubConfig, this.hubEnv(overrides));
  }

  /** The hub's environment, for an instance run as a process of its own (test/support/app-process.ts). */
  hubEnv(overrides: Record<string, string> = {}): Record<string, string> {
    return {
      ...baseEnv(this),
      DB_NAME: this.hubDb,
      NATS_NKEY_SEED: this.hubSeed,
      AUTH_PUBLIC_KEY: this.hubAuth.AUTH_PUBLIC_KEY,
      AUTH_PRIVATE_KEY: this.hubAuth.AUTH_PRIVATE_KEY,
      RECRUITMENT_CODE_DIR: this.codeDir,
      ...overrides,
    };
  }

  nodeDb(coopId: string): string {
    return `ccm_test_${coopId.replace(/-/g, '_')}_${this.id}`;
  }

  nodeConfig(coopId: string, overrides: Record<string, string> = {}): NodeConfig {
    this.databases.add(this.nodeDb(coopId));
    return loadConfig(NodeConfig, {
      ...baseEnv(this),
      COOP_ID: coopId,
      COOP_NAME: `${coopId} care co-op`,
      COOP_LOCALITIES: 'Marsden,Slaithwaite',
      COOP_SERVICES: 'personal-care,befriending',
      DB_NAME: this.nodeDb(coopId),
      NATS_NKEY_SEED: this.seedOf(coopId),
      HUB_PUBLIC_KEY: new EnvelopeSigner(this.hubSeed).publicKey,
      AUTH_PUBLIC_KEY: this.authKeysOf(coopId).AUTH_PUBLIC_KEY,
      NODE_CURVE_SEED: this.curveSeedOf(coopId),
      ...overrides,
    });
  }

  /** The node's curve seed (SX…), made on first use. */
  curveSeedOf(coopId: string): string {
    if (!this.curveSeeds.has(coopId)) this.curveSeeds.set(coopId, newCurveKey().seed);
    return this.curveSeeds.get(coopId)!;
  }

  /** The node's public curve key (X…), as the hub learns it from the node's profile. */
  sealingKeyOf(coopId: string): string {
    return curvePublicKey(this.curveSeedOf(coopId));
  }

  /** The co-op's key; a co-op not provisioned on the hub gets a local one (its messages will not verify there). */
  seedOf(coopId: string): string {
    if (!this.seeds.has(coopId)) this.seeds.set(coopId, newSeed());
    return this.seeds.get(coopId)!;
  }

  /** The node's own sign-in key pair, made on first use (also for a co-op whose node is not running). */
  authKeysOf(coopId: string): AuthKeyPair {
    if (!this.nodeAuth.has(coopId)) this.nodeAuth.set(coopId, newAuthKeyPair());
    return this.nodeAuth.get(coopId)!;
  }

  signerOf(coopId: string): EnvelopeSigner {
    return new EnvelopeSigner(this.seedOf(coopId));
  }

  get hubSigner(): EnvelopeSigner {
    return new EnvelopeSigner(this.hubSeed);
  }

  /** Gives a co-op its identity on the hub, as `consortium-hub provision` does. */
  async provision(coopId: string): Promise<void> {
    if (this.seeds.has(coopId)) return;
    const out = await provisionHubCoop(this.hubConfig(), { coopId, name: `${coopId} care co-op` });
    this.seeds.set(coopId, out.seed);
  }

  async startHub(overrides: Record<string, string> = {}): Promise<INestApplication> {
    this.hubApp = await startHub(this.hubConfig(overrides));
    this.hubStarted = true;
    return this.hubApp;
  }

  /** One more instance of the hub, on the same database, NATS subjects and keys, as an operator scales out. */
  async startAnotherHub(overrides: Record<string, string> = {}): Promise<INestApplication> {
    const app = await startHub(this.hubConfig(overrides));
    this.otherHubs.push(app);
    return app;
  }

  async stopHub(): Promise<void> {
    await this.hubApp?.close();
    this.hubApp = null;
  }

  async startNode(coopId: string, overrides: Record<string, string> = {}): Promise<INestApplication> {
    if (this.hubStarted) await this.provision(coopId);
    const app = await startNode(this.nodeConfig(coopId, overrides));
    this.nodes.set(coopId, app);
    return app;
  }

  /** Waits until the node has the hub's answer to its registration: it is a member the hub knows. */
  async registered(coopId: string): Promise<void> {
    await waitFor(
      `the hub to accept ${coopId}'s registration`,
      () => this.nodeQuery(coopId, "SELECT 1 FROM inbox_message WHERE type = 'registry.registration-accepted' AND outcome = 'applied'"),
      (rows) => rows.length === 1,
    );
  }

  async stopNode(coopId: string): Promise<void> {
    await this.nodes.get(coopId)?.close();
    this.nodes.delete(coopId);
  }

  /** The hub's clock, for a hub started with TEST_CLOCK=true: set it and stages change by date at once, with nothing waited for. */
  hubClock(): SettableClock {
    if (!this.hubApp) throw new Error('the hub is not running');
    return settable(this.hubApp, 'the hub');
  }

  /** A node's clock, for a node started with TEST_CLOCK=true. */
  nodeClock(coopId: string): SettableClock {
    const app = this.nodes.get(coopId);
    if (!app) throw new Error(`${coopId}'s node is not running`);
    return settable(app, `${coopId}'s node`);
  }

  /**
   * A token signed with the hub's private key, as `consortium-hub token` makes. A candidate's names no
   * co-op and has the candidate's id for subject (by default one no candidate has).
   */
  hubToken(role: string, coopId?: string, candidateId = NO_CANDIDATE): string {
    const signer = this.signer('hub', this.hubAuth, HUB_TOKENS);
    if (role === 'candidate') return signer.issue({ subject: candidateId, role, ttlSeconds: 600 });
    return signer.issue({ subject: `test-${role}`, role, coopId, ttlSeconds: 600 });
  }

  /** A token signed with that co-op's node's private key, as `local-coop-node token` makes. */
  nodeToken(coopId: string, role: string, memberId?: string, subject = `test-${role}`): string {
    return this.signer(`node:${coopId}`, this.authKeysOf(coopId), nodeTokens(coopId)).issue({ subject, role, memberId, ttlSeconds: 600 });
  }

  private signer(name: string, keys: AuthKeyPair, authority: TokenAuthority): TokenService {
    if (!this.signers.has(name)) this.signers.set(name, TokenService.fromSettings({ ...keys, AUTH_TOKEN_MAX_HOURS: 1 }, authority));
    return this.signers.get(name)!;
  }

  /** The co-op's node as one role: `mesh.node(COOP).as('coop-admin').get('/members').expect(200)`. */
  node(coopId: string): NodeApi {
    const app = () => this.runningNode(coopId);
    return {
      as: (role: NodeRole, memberId?: string, subject?: string) =>
        new ApiClient(app, () => this.nodeToken(coopId, role, memberId, subject)),
      anonymous: () => new ApiClient(app, () => undefined),
    };
  }

  /** The hub as one role: `mesh.hub().as('consortium-staff').post('/tenders', body).expect(201)`. */
  hub(): HubApi {
    const app = () => this.runningHub();
    return {
      as: (role: HubRole, coopId?: string) => new ApiClient(app, () => this.hubToken(role, coopId)),
      candidate: (candidateId: string) => new ApiClient(app, () => this.hubToken('candidate', undefined, candidateId)),
      anonymous: () => new ApiClient(app, () => undefined),
    };
  }

  hubHttp() {
    return request(this.runningHub().getHttpServer());
  }

  nodeHttp(coopId: string) {
    return request(this.runningNode(coopId).getHttpServer());
  }

  private runningHub(): INestApplication {
    if (!this.hubApp) throw new Error('hub not started');
    return this.hubApp;
  }

  private runningNode(coopId: string): INestApplication {
    const app = this.nodes.get(coopId);
    if (!app) throw new Error(`node ${coopId} not started`);
    return app;
  }

  hubQuery<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return queryDb<T>(this.hubDb, sql, params);
  }

  nodeQuery<T = Record<string, unknown>>(coopId: string, sql: string, params: unknown[] = []): Promise<T[]> {
    return queryDb<T>(this.nodeDb(coopId), sql, params);
  }

  /**
   * Time passes for ballots: their voting window ended a second ago (the scheduler or POST close then
   * counts them). A ballot opened moments ago is moved back only two seconds, so its opening stays on
   * the day it was created; suites that count who was eligible admit their members on an earlier day.
   */
  async endBallotWindows(coopId: string, ballotIds: string | string[]): Promise<void> {
    await this.nodeQuery(
      coopId,
      `UPDATE ballot SET opens_at = least(opens_at, now() - interval '2 seconds'), closes_at = now() - interval '1 second'
        WHERE id = ANY($1::uuid[])`,
      [[ballotIds].flat()],
    );
  }

  async dispose(): Promise<void> {
    for (const id of [...this.nodes.keys()]) await this.stopNode(id);
    for (const app of this.otherHubs.splice(0)) await app.close();
    await this.stopHub();
    await this.deleteStreams().catch(() => undefined);
    for (const db of this.databases) await dropTestDatabase(db);
    await rm(this.codeDir, { recursive: true, force: true });
  }

  async deleteStreams(): Promise<void> {
    const nc = await connect({ servers: this.natsUrl.split(','), timeout: 2000, reconnect: false });
    try {
      const jsm = await nc.jetstreamManager();
      for (const s of [`${this.root.toUpperCase()}_COOP`, `${this.root.toUpperCase()}_HUB`]) await jsm.streams.delete(s).catch(() => false);
    } finally {
      await nc.close();
    }
  }
}

function baseEnv(mesh: TestMesh): Record<string, string> {
  return {
    PORT: '0',
    NATS_URL: mesh.natsUrl,
    NATS_SUBJECT_ROOT: mesh.root,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...FAST,
  };
}

function settable(app: INestApplication, name: string): SettableClock {
  const clock = app.get(Clock);
  if (!(clock instanceof SettableClock)) throw new Error(`${name} was not started with TEST_CLOCK=true`);
  return clock;
}

function newSeed(): string {
  return Buffer.from(createUser().getSeed()).toString();
}
