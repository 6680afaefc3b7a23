import { randomUUID } from 'node:crypto';

import { Logger } from '@nestjs/common';
import { createUser } from 'nkeys.js';
import { DataSource, EntityManager } from 'typeorm';

import { buildMessage, COOP_PROFILE_UPDATED_V1, CoopProfilePayload, encodeMessage, Envelope, subjectScheme } from '@app/contracts';
import {
  DeadLetterOnce1764000000010,
  EnvelopeSigner,
  FEDERATION_ENTITIES,
  FederationOptions,
  FederationRetention,
  FederationTables1764000000000,
  InboxFairness1764000000020,
  InboxHandlers,
  InboxProcessor,
  OutboxService,
  RETENTION_JOB,
  RetentionIndexes1764000000030,
  SignatureKeys,
} from '@app/federation';
import {
  AuditTrail,
  AuditTrail1764000000050,
  ConfigError,
  ensureDatabase,
  FederationConfig,
  loadConfig,
  newAuthKeyPair,
  postgresOptions,
} from '@app/platform';

import { TestMesh } from '../support/mesh';
import { TestNatsServer } from '../support/nats-server';
import { dropTestDatabase, PG } from '../support/test-database';
import { uniqueSuffix } from '../support/unique';
import { waitFor } from '../support/wait-for';

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

/**
 * The retention job and the inbox's horizon against the real PostgreSQL: a hub and a node, each with
 * its own database, the messages between them carried by hand (the relay's part is NATS's, and
 * durable-delivery covers it), so each horizon can be crossed by backdating rows.
 */
describe('federation retention', () => {
  const suffix = uniqueSuffix();
  const hubDb = `ccm_test_retention_hub_${suffix}`;
  const nodeDb = `ccm_test_retention_node_${suffix}`;
  const scheme = subjectScheme('ccm');
  const coopId = 'colne-valley';
  const hubSeed = Buffer.from(createUser().getSeed()).toString();
  const nodeSeed = Buffer.from(createUser().getSeed()).toString();
  const hubSigner = new EnvelopeSigner(hubSeed);
  const nodeSigner = new EnvelopeSigner(nodeSeed);
  const configOf = (seed: string, env: Record<string, string> = {}) =>
    loadConfig(FederationConfig, { AUTH_PUBLIC_KEY: newAuthKeyPair().AUTH_PUBLIC_KEY, NATS_NKEY_SEED: seed, ...env });
  const hubOptions = (env: Record<string, string> = {}): FederationOptions => ({
    side: { kind: 'hub' },
    scheme,
    config: configOf(hubSeed, env),
    connectionName: 'test-hub',
    signer: hubSigner,
    outboxRecordTypes: ['kept.record'],
  });
  const nodeOptions: FederationOptions = {
    side: { kind: 'node', coopId },
    scheme,
    config: configOf(nodeSeed),
    connectionName: 'test-node',
    signer: nodeSigner,
  };
  const hubKeys: SignatureKeys = { keyFor: async (id) => (id === coopId ? nodeSigner.publicKey : null) };
  const nodeKeys: SignatureKeys = { keyFor: async () => hubSigner.publicKey };
  const profile: CoopProfilePayload = {
    name: 'Colne Valley',
    legalForm: 'community-benefit-society',
    localities: ['Marsden'],
    servicesOffered: ['personal-care'],
    nodeVersion: '0.1.0',
  };
  let hub: DataSource;
  let node: DataSource;
  let hubInbox: InboxProcessor;
  let nodeInbox: InboxProcessor;
  let nodeOutbox: OutboxService;
  let retention: FederationRetention;

  const open = async (database: string) => {
    await ensureDatabase({ ...PG, database });
    const ds = await new DataSource(
      postgresOptions(
        { ...PG, database },
        {
          entities: FEDERATION_ENTITIES,
          migrations: [
            FederationTables1764000000000,
            DeadLetterOnce1764000000010,
            InboxFairness1764000000020,
            RetentionIndexes1764000000030,
            AuditTrail1764000000050,
          ],
          applicationName: 'test',
        },
      ),
    ).initialize();
    await ds.runMigrations();
    return ds;
  };

  const hubInboxWith = (options: FederationOptions) => {
    const handlers = new InboxHandlers();
    handlers.register(COOP_PROFILE_UPDATED_V1, async (envelope: { id: string }, m: EntityManager) => {
      await m.query('INSERT INTO effect (message_id) VALUES ($1)', [envelope.id]);
    });
    return new InboxProcessor(options, hub, handlers, new OutboxService(options, hub), hubKeys, new AuditTrail(hub));
  };

  beforeAll(async () => {
    Logger.overrideLogger(false);
    [hub, node] = await Promise.all([open(hubDb), open(nodeDb)]);
    await hub.query('CREATE TABLE effect (message_id uuid NOT NULL)');
    hubInbox = hubInboxWith(hubOptions());
    nodeOutbox = new OutboxService(nodeOptions, node);
    nodeInbox = new InboxProcessor(nodeOptions, node, new InboxHandlers(), nodeOutbox, nodeKeys, new AuditTrail(node));
    retention = new FederationRetention(hubOptions(), hub);
  });

  afterAll(async () => {
    await hubInbox?.flush();
    await nodeInbox?.flush();
    await Promise.all([hub?.destroy(), node?.destroy()]);
    await Promise.all([dropTestDatabase(hubDb), dropTestDatabase(nodeDb)]);
  });

  /** The node's outbox row for a profile update made at `occurredAt`, published and awaiting its receipt. */
  const sendFromNode = async (occurredAt: Date): Promise<Envelope<CoopProfilePayload>> => {
    const envelope = await node.transaction((m) => nodeOutbox.enqueue(m, COOP_PROFILE_UPDATED_V1, profile, { occurredAt }));
    await node.query(`UPDATE outbox_message SET status = 'published', published_at = now() WHERE id = $1`, [envelope.id]);
    return envelope;
  };
  const deliverToHub = (envelope: Envelope<object>, deliveryCount = 1, inbox = hubInbox) =>
    inbox.process({ subject: scheme.coopMessage(coopId, envelope.type), data: encodeMessage(envelope), deliveryCount });
  /** Carries the hub's receipts about `messageId` back to the node. */
  const carryReceipts = async (messageId: string) => {
    const rows: { subject: string; envelope: Envelope<object> }[] = await hub.query(
      `SELECT subject, envelope FROM outbox_message WHERE type = 'federation.receipt' AND envelope->'payload'->>'messageId' = $1`,
      [messageId],
    );
    for (const row of rows) await nodeInbox.process({ subject: row.subject, data: encodeMessage(row.envelope), deliveryCount: 1 });
    return rows.map((r) => (r.envelope as Envelope<{ outcome: string; reason?: string }>).payload);
  };
  const effects = async (id: string) => Number((await hub.query('SELECT count(*) AS n FROM effect WHERE message_id = $1', [id]))[0].n);
  const count = async (ds: DataSource, sql: string, params: unknown[] = []) => Number((await ds.query(sql, params))[0].n);

  const outboxRow = (status: string, settledDaysAgo: number | null, type = 'federation.receipt') =>
    hub.query(
      `INSERT INTO outbox_message (id, subject, type, version, coop_id, envelope, needs_receipt, status, settled_at, created_at)
       VALUES ($1, 's', $2, 1, 'c', '{}', $3, $4, $5, now() - interval '400 days') RETURNING id`,
      [randomUUID(), type, status === 'published', status, settledDaysAgo === null ? null : daysAgo(settledDaysAgo)],
    );
  const inboxRow = (receivedDaysAgo: number) =>
    hub.query(
      `INSERT INTO inbox_message (message_id, type, version, coop_id, content_sha256, outcome, received_at)
       VALUES ($1, 't', 1, 'c', repeat('0', 64), 'applied', $2)`,
      [randomUUID(), daysAgo(receivedDaysAgo)],
    );
  const clear = () => hub.query('TRUNCATE outbox_message, inbox_message, inbox_attempt, dead_letter, dead_letter_summary, effect');

  it('purges what is past each horizon, and keeps younger rows, every unsettled outbox row and the kept record types', async () => {
    await clear();
    for (const status of ['confirmed', 'rejected']) {
      await outboxRow(status, 8);
      await outboxRow(status, 6);
      await outboxRow(status, 30, 'kept.record');
    }
    await outboxRow('pending', null);
    await outboxRow('published', null);
    await hub.query(`UPDATE outbox_message SET created_at = now() - interval '400 days', next_attempt_at = now() - interval '400 days'`);
    await inboxRow(91);
    await inboxRow(89);
    await hub.query(
      `INSERT INTO inbox_attempt (message_key, failures, last_error, first_failed_at, last_failed_at)
       VALUES ('old', 1, 'x', $1, $1), ('young', 1, 'x', $2, $2)`,
      [daysAgo(95), daysAgo(10)],
    );
    await hub.query(
      `INSERT INTO dead_letter (subject, reason, size_bytes, content_sha256, delivery_count, created_at)
       VALUES ('s', 'old', 1, repeat('a', 64), 1, $1), ('s', 'young', 1, repeat('b', 64), 1, $2)`,
      [daysAgo(91), daysAgo(89)],
    );
    await hub.query(
      `INSERT INTO dead_letter_summary (coop_id, window_start, suppressed, first_seen, last_seen, sample_reason)
       VALUES ('c', $1, 3, $1, $1, 'old'), ('c', $2, 3, $2, $2, 'young')`,
      [daysAgo(91), daysAgo(89)],
    );

    expect(await retention.sweep()).toEqual({
      outbox_message: 2,
      inbox_message: 1,
      inbox_attempt: 1,
      dead_letter: 1,
      dead_letter_summary: 1,
    });
    const left: { status: string; type: string; young: boolean }[] = await hub.query(
      `SELECT status, type, settled_at > now() - interval '7 days' AS young FROM outbox_message ORDER BY status, type`,
    );
    expect(left.map((r) => `${r.status} ${r.type}${r.young ? ' young' : ''}`)).toEqual([
      'confirmed federation.receipt young',
      'confirmed kept.record',
      'pending federation.receipt',
      'published federation.receipt',
      'rejected federation.receipt young',
      'rejected kept.record',
    ]);
    expect(await count(hub, `SELECT count(*) AS n FROM inbox_message WHERE received_at > now() - interval '90 days'`)).toBe(1);
    expect(await count(hub, 'SELECT count(*) AS n FROM inbox_message')).toBe(1);
    expect(await hub.query('SELECT message_key FROM inbox_attempt')).toEqual([{ message_key: 'young' }]);
    expect(await hub.query('SELECT reason FROM dead_letter')).toEqual([{ reason: 'young' }]);
    expect(await hub.query('SELECT sample_reason FROM dead_letter_summary')).toEqual([{ sample_reason: 'young' }]);
    // A second sweep finds nothing more.
    expect(Object.values((await retention.sweep())!)).toEqual([0, 0, 0, 0, 0]);
  });

  it('purges more rows than one batch, a batch to a statement', async () => {
    await clear();
    await hub.query(
      `INSERT INTO inbox_message (message_id, type, version, coop_id, content_sha256, outcome, received_at)
       SELECT gen_random_uuid(), 't', 1, 'c', repeat('0', 64), 'applied', now() - interval '100 days' FROM generate_series(1, 1234)`,
    );
    await inboxRow(1);
    const report = await retention.sweep(new Date(), 100);
    expect(report!.inbox_message).toBe(1234);
    expect(await count(hub, 'SELECT count(*) AS n FROM inbox_message')).toBe(1);
  });

  it('does not sweep while another instance holds the sweep lock', async () => {
    await clear();
    await inboxRow(100);
    const other = hub.createQueryRunner();
    await other.connect();
    try {
      expect(
        (await other.query("SELECT pg_try_advisory_lock(hashtextextended('ccm-job:' || $1, 0)) AS locked", [RETENTION_JOB]))[0].locked,
      ).toBe(true);
      expect(await retention.sweep()).toBeNull();
      expect(await count(hub, 'SELECT count(*) AS n FROM inbox_message')).toBe(1);
      await other.query("SELECT pg_advisory_unlock(hashtextextended('ccm-job:' || $1, 0))", [RETENTION_JOB]);
    } finally {
      await other.release();
    }
    expect((await retention.sweep())!.inbox_message).toBe(1);
  });

  it('refuses a message made before the horizon: not applied, dead-lettered with the reason, and the sender’s row ends rejected', async () => {
    await clear();
    const old = await sendFromNode(daysAgo(89.5));
    expect(await deliverToHub(old)).toEqual({ action: 'term' });
    expect(await deliverToHub(old, 2)).toEqual({ action: 'term' });
    expect(await effects(old.id)).toBe(0);
    expect(await count(hub, 'SELECT count(*) AS n FROM inbox_message WHERE message_id = $1', [old.id])).toBe(0);
    const dead: { reason: string }[] = await hub.query('SELECT reason FROM dead_letter WHERE message_id = $1', [old.id]);
    expect(dead).toHaveLength(1);
    expect(dead[0].reason).toMatch(/past the inbox's retention horizon: made at .*more than 89 days ago \(INBOX_RETENTION_DAYS 90/);
    const receipts = await carryReceipts(old.id);
    expect(receipts).toEqual([expect.objectContaining({ outcome: 'rejected', reason: dead[0].reason })]);
    const [row] = await node.query('SELECT status, last_error FROM outbox_message WHERE id = $1', [old.id]);
    expect(row).toEqual({ status: 'rejected', last_error: dead[0].reason });
  });

  it('applies a message just inside the horizon', async () => {
    await clear();
    const recent = await sendFromNode(daysAgo(88.5));
    expect(await deliverToHub(recent)).toEqual({ action: 'ack' });
    expect(await effects(recent.id)).toBe(1);
    expect(await carryReceipts(recent.id)).toEqual([expect.objectContaining({ outcome: 'applied' })]);
    const [row] = await node.query('SELECT status FROM outbox_message WHERE id = $1', [recent.id]);
    expect(row.status).toBe('confirmed');
  });

  it('still answers a repeat within the horizon as a duplicate after a sweep: nothing doubled', async () => {
    await clear();
    const message = await sendFromNode(daysAgo(2));
    expect(await deliverToHub(message)).toEqual({ action: 'ack' });
    await hub.query('UPDATE inbox_message SET received_at = $2 WHERE message_id = $1', [message.id, daysAgo(80)]);
    expect((await retention.sweep())!.inbox_message).toBe(0);
    expect(await deliverToHub(message, 2)).toEqual({ action: 'ack' });
    expect(await effects(message.id)).toBe(1);
    expect((await carryReceipts(message.id)).map((r) => r.outcome)).toEqual(['applied', 'applied']);
  });

  it('answers a message past the horizon whose id is still kept as the duplicate it is, not as refused', async () => {
    await clear();
    // Applied when the hub kept ids for a year; the hub now keeps them for 90 days and the id is not yet swept.
    const message = await sendFromNode(daysAgo(100));
    expect(await deliverToHub(message, 1, hubInboxWith(hubOptions({ INBOX_RETENTION_DAYS: '365' })))).toEqual({ action: 'ack' });
    expect(await deliverToHub(message, 2)).toEqual({ action: 'ack' });
    expect(await effects(message.id)).toBe(1);
    expect((await carryReceipts(message.id)).map((r) => r.outcome)).toEqual(['applied', 'applied']);
  });

  it('has an index for each purge, and its migration goes down and up again', async () => {
    const indexes = async () =>
      (
        await hub.query(
          `SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname IN
             ('ix_outbox_settled', 'ix_inbox_received', 'ix_inbox_attempt_last_failed', 'ix_dead_letter_created', 'ix_dead_letter_summary_window')
           ORDER BY 1`,
        )
      ).map((r: { indexname: string }) => r.indexname);
    const all = [
      'ix_dead_letter_created',
      'ix_dead_letter_summary_window',
      'ix_inbox_attempt_last_failed',
      'ix_inbox_received',
      'ix_outbox_settled',
    ];
    expect(await indexes()).toEqual(all);
    const runner = hub.createQueryRunner();
    try {
      await new RetentionIndexes1764000000030().down(runner);
      expect(await indexes()).toEqual([]);
      await new RetentionIndexes1764000000030().up(runner);
      expect(await indexes()).toEqual(all);
    } finally {
      await runner.release();
    }
  });

  it('refuses a configuration whose inbox horizon is shorter than the longest republish interval, naming both settings', () => {
    const attempt = (env: Record<string, string>) => () => configOf(hubSeed, env);
    expect(attempt({ INBOX_RETENTION_DAYS: '30', OUTBOX_RECEIPT_TIMEOUT_MS: '86400000' })).toThrow(
      /INBOX_RETENTION_DAYS.*OUTBOX_RECEIPT_TIMEOUT_MS × 64/,
    );
    expect(attempt({ INBOX_RETENTION_DAYS: '6' })).toThrow(/INBOX_RETENTION_DAYS must be a whole number of days between 7 and 3650/);
    expect(attempt({ OUTBOX_RETENTION_DAYS: '0' })).toThrow(/OUTBOX_RETENTION_DAYS must be a whole number between 1 and 3650/);
    expect(attempt({ DEAD_LETTER_RETENTION_DAYS: 'soon' })).toThrow(ConfigError);
    expect(attempt({ INBOX_RETENTION_DAYS: '66', OUTBOX_RECEIPT_TIMEOUT_MS: '86400000' })).not.toThrow();
  });
});

/** The same over the real NATS between a running hub and node: the scheduled sweep, and the horizon refusal reaching the sender. */
describe('federation retention across the mesh', () => {
  const COOP = 'colne-valley';
  let server: TestNatsServer;
  let mesh: TestMesh;
  const profile: CoopProfilePayload = {
    name: 'Colne Valley Care Co-op',
    legalForm: 'community-benefit-society',
    localities: ['Marsden'],
    servicesOffered: ['personal-care'],
    nodeVersion: '0.1.0',
  };
  const nodeRow = async (id: string) =>
    (
      await mesh.nodeQuery<{ status: string; last_error: string | null }>(
        COOP,
        'SELECT status, last_error FROM outbox_message WHERE id = $1',
        [id],
      )
    )[0];
  const applied = async (id: string) =>
    Number((await mesh.hubQuery<{ n: string }>('SELECT count(*) AS n FROM audit_event WHERE target = $1', [`message=${id}`]))[0].n);
  /** Puts a message the node signed into its outbox, as a use case would, for the relay to send. */
  const queueOnNode = async (envelope: Envelope<object>) => {
    await mesh.nodeQuery(
      COOP,
      `INSERT INTO outbox_message (id, subject, type, version, coop_id, envelope, needs_receipt, status)
       VALUES ($1, $2, $3, $4, $5, $6, true, 'pending')`,
      [envelope.id, subjectScheme(mesh.root).coopMessage(COOP, envelope.type), envelope.type, envelope.version, COOP, envelope],
    );
  };

  beforeAll(async () => {
    server = await TestNatsServer.start();
    mesh = new TestMesh(server.url);
    await mesh.startHub({ FEDERATION_RETENTION_SWEEP_MS: '1000' });
    await mesh.startNode(COOP);
    await mesh.registered(COOP);
  });

  afterAll(async () => {
    await mesh?.dispose();
    await server?.dispose();
  });

  it('refuses a message made before the hub’s horizon: the hub keeps its old profile, and the node’s row ends rejected naming the horizon', async () => {
    const old = mesh
      .signerOf(COOP)
      .sign(
        buildMessage(COOP_PROFILE_UPDATED_V1, { ...profile, name: 'Colne Valley long ago' }, { coopId: COOP, occurredAt: daysAgo(100) }),
      );
    await queueOnNode(old);
    const row = await waitFor(
      'the old message settled on the node',
      () => nodeRow(old.id),
      (r) => r?.status !== 'pending' && r?.status !== 'published',
    );
    expect(row.status).toBe('rejected');
    expect(row.last_error).toMatch(/^past the inbox's retention horizon/);
    expect(await applied(old.id)).toBe(0);
    expect(await mesh.hubQuery('SELECT name FROM coop WHERE id = $1', [COOP])).not.toEqual([{ name: 'Colne Valley long ago' }]);
    expect(await mesh.hubQuery('SELECT reason FROM dead_letter WHERE message_id = $1', [old.id])).toEqual([{ reason: row.last_error }]);
  });

  it('sweeps on its schedule: a settled row backdated past its horizon goes, and a repeat of a kept message is still only a duplicate', async () => {
    const message = mesh
      .signerOf(COOP)
      .sign(buildMessage(COOP_PROFILE_UPDATED_V1, { ...profile, name: 'Colne Valley now' }, { coopId: COOP }));
    await queueOnNode(message);
    await waitFor(
      'the message confirmed',
      () => nodeRow(message.id),
      (r) => r?.status === 'confirmed',
    );
    const receipt = `SELECT id FROM outbox_message WHERE type = 'federation.receipt' AND envelope->'payload'->>'messageId' = $1`;
    const [{ id: receiptId }] = await waitFor(
      'the hub’s receipt settled',
      () => mesh.hubQuery<{ id: string }>(receipt + ` AND status = 'confirmed'`, [message.id]),
      (r) => r.length === 1,
    );
    await mesh.hubQuery(`UPDATE outbox_message SET settled_at = now() - interval '8 days' WHERE id = $1`, [receiptId]);
    await waitFor(
      'the old receipt swept',
      () => mesh.hubQuery(`SELECT 1 FROM outbox_message WHERE id = $1`, [receiptId]),
      (r) => r.length === 0,
    );

    // The node republishes its (still young) message: the hub's inbox still has its id.
    await mesh.nodeQuery(COOP, `UPDATE outbox_message SET status = 'pending', settled_at = NULL WHERE id = $1`, [message.id]);
    await waitFor(
      'the repeat answered',
      () => mesh.hubQuery(receipt, [message.id]),
      (r) => r.length === 1,
    );
    await waitFor(
      'the node’s row confirmed again',
      () => nodeRow(message.id),
      (r) => r?.status === 'confirmed',
    );
    expect(await applied(message.id)).toBe(1);
  });

  it('both apps refuse to start with an inbox horizon shorter than the longest republish interval, naming both settings', () => {
    const bad = { INBOX_RETENTION_DAYS: '30', OUTBOX_RECEIPT_TIMEOUT_MS: '86400000' };
    const named =
      /INBOX_RETENTION_DAYS, less its 1-day margin, must be longer than the longest republish interval \(OUTBOX_RECEIPT_TIMEOUT_MS × 64\)/;
    expect(() => mesh.hubConfig(bad)).toThrow(named);
    expect(() => mesh.nodeConfig(COOP, bad)).toThrow(named);
  });
});
