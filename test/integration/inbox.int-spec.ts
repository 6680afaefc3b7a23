import { createHash } from 'node:crypto';

import { Logger } from '@nestjs/common';
import { createUser } from 'nkeys.js';
import { DataSource } from 'typeorm';

import {
  buildMessage,
  COOP_PROFILE_UPDATED_V1,
  COOP_REGISTERED_V1,
  CoopProfilePayload,
  encodeMessage,
  HUB_RECEIPT_V1,
  REGISTRATION_ACCEPTED_V1,
  REPORTING_RETURN_SUBMITTED_V1,
  subjectScheme,
  UnsignedEnvelope,
} from '@app/contracts';
import {
  DeadLetterOnce1764000000010,
  EnvelopeSigner,
  FEDERATION_ENTITIES,
  FederationOptions,
  FederationTables1764000000000,
  HubKey,
  InboxFairness1764000000020,
  InboxHandlers,
  InboxProcessor,
  OutboxService,
  SignatureKeys,
} from '@app/federation';
import {
  AuditTrail,
  AuditTrail1764000000050,
  DomainError,
  ensureDatabase,
  FederationConfig,
  loadConfig,
  newAuthKeyPair,
  postgresOptions,
} from '@app/platform';

import { dropTestDatabase, PG } from '../support/test-database';
import { uniqueSuffix } from '../support/unique';
import { waitFor } from '../support/wait-for';

/** The inbox and outbox against the real PostgreSQL, driven directly (no NATS needed for these rules). */
describe('inbox and outbox on PostgreSQL', () => {
  const database = `ccm_test_inbox_${uniqueSuffix()}`;
  const scheme = subjectScheme('ccm');
  const hubSeed = Buffer.from(createUser().getSeed()).toString();
  const config = loadConfig(FederationConfig, {
    AUTH_PUBLIC_KEY: newAuthKeyPair().AUTH_PUBLIC_KEY,
    NATS_NKEY_SEED: hubSeed,
    INBOX_MAX_DELIVER: '3',
  });
  const hub = new EnvelopeSigner(hubSeed);
  const coops = new Map(
    ['colne-valley', 'holme-valley'].map((id) => [id, new EnvelopeSigner(Buffer.from(createUser().getSeed()).toString())]),
  );
  /** The hub's key book: each co-op's public key, as provisioning records it. */
  const keys: SignatureKeys = { keyFor: async (coopId) => coops.get(coopId)?.publicKey ?? null };
  const options: FederationOptions = { side: { kind: 'hub' }, scheme, config, connectionName: 'test', signer: hub };
  const profile: CoopProfilePayload = {
    name: 'Colne Valley',
    legalForm: 'community-benefit-society',
    localities: ['Marsden'],
    servicesOffered: ['personal-care'],
    nodeVersion: '0.1.0',
  };
  let ds: DataSource;
  let handlers: InboxHandlers;
  let inbox: InboxProcessor;
  let outbox: OutboxService;
  type Behaviour = 'apply' | 'refuse' | 'crash' | 'outage' | 'cut' | 'spoil-commit';
  let behaviour: Behaviour = 'apply';
  /** A behaviour for one message (by id), over `behaviour`: for batches whose messages fare differently. */
  const behaviourOf = new Map<string, Behaviour>();
  let calls = 0;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    await ensureDatabase({ ...PG, database });
    ds = await new DataSource(
      postgresOptions(
        { ...PG, database },
        {
          entities: FEDERATION_ENTITIES,
          migrations: [FederationTables1764000000000, DeadLetterOnce1764000000010, InboxFairness1764000000020, AuditTrail1764000000050],
          applicationName: 'test',
        },
      ),
    ).initialize();
    await ds.runMigrations();
    await ds.query('CREATE TABLE effect (n serial, message_id uuid NOT NULL)');
    // A row here with no parent breaks only the commit (a deferred foreign key): a transaction that fails as a whole.
    await ds.query('CREATE TABLE commit_parent (id int PRIMARY KEY)');
    await ds.query('CREATE TABLE commit_child (parent int REFERENCES commit_parent (id) DEFERRABLE INITIALLY DEFERRED)');
    handlers = new InboxHandlers();
    outbox = new OutboxService(options, ds);
    inbox = new InboxProcessor(options, ds, handlers, outbox, keys, new AuditTrail(ds));
    const handler = async (envelope: { id: string }, m: import('typeorm').EntityManager) => {
      calls++;
      const how = behaviourOf.get(envelope.id) ?? behaviour;
      await m.query('INSERT INTO effect (message_id) VALUES ($1)', [envelope.id]);
      // This side's database cut mid-transaction: the connection is killed under the batch.
      if (how === 'cut') await m.query('SELECT pg_terminate_backend(pg_backend_pid())');
      if (how === 'spoil-commit') await m.query('INSERT INTO commit_child (parent) VALUES (1)');
      if (how === 'refuse') throw new DomainError('PURCHASING.ROUND_CLOSED', 'the round closed at 12:00', 'conflict');
      if (how === 'crash') throw new Error('database hiccup');
      if (how === 'outage') throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    };
    handlers.register(COOP_REGISTERED_V1, handler);
    handlers.register(COOP_PROFILE_UPDATED_V1, handler);
  });

  afterAll(async () => {
    await ds?.destroy();
    await dropTestDatabase(database);
  });

  beforeEach(() => {
    behaviour = 'apply';
    behaviourOf.clear();
    calls = 0;
  });

  const delivery = (envelope: UnsignedEnvelope<object>, deliveryCount = 1) => ({
    subject: scheme.coopMessage(envelope.coopId, envelope.type),
    data: encodeMessage(coops.get(envelope.coopId)!.sign(envelope)),
    deliveryCount,
  });
  const deliver = (envelope: UnsignedEnvelope<object>, deliveryCount = 1) => inbox.process(delivery(envelope, deliveryCount));
  const deliverBatch = (envelopes: UnsignedEnvelope<object>[], deliveryCount = 1) =>
    inbox.processBatch(envelopes.map((e) => delivery(e, deliveryCount)));
  const updateFrom = (coopId: string) => buildMessage(COOP_PROFILE_UPDATED_V1, profile, { coopId });
  const inboxRows = (ids: string[]) =>
    ds.query('SELECT message_id AS id, outcome FROM inbox_message WHERE message_id = ANY($1::uuid[])', [ids]);
  const effects = async (id: string) => Number((await ds.query('SELECT count(*) AS n FROM effect WHERE message_id = $1', [id]))[0].n);
  const receipts = (id: string) =>
    ds.query(
      `SELECT envelope->'payload' AS p FROM outbox_message WHERE type = 'federation.receipt' AND envelope->'payload'->>'messageId' = $1`,
      [id],
    );

  it('applies a message once, with its inbox row and an applied receipt in the same transaction', async () => {
    const env = buildMessage(COOP_REGISTERED_V1, profile, { coopId: 'colne-valley' });
    expect(await deliver(env)).toEqual({ action: 'ack' });
    expect(await deliver(env, 2)).toEqual({ action: 'ack' });
    expect(calls).toBe(1);
    expect(await effects(env.id)).toBe(1);
    const sent = await receipts(env.id);
    expect(sent.map((r: { p: { outcome: string } }) => r.p.outcome)).toEqual(['applied', 'applied']);
  });

  it('refuses a message for a broken business rule: its partial effect is undone, the sender is told why, a repeat gets the same answer', async () => {
    behaviour = 'refuse';
    const env = buildMessage(COOP_PROFILE_UPDATED_V1, profile, { coopId: 'colne-valley' });
    expect(await deliver(env)).toEqual({ action: 'ack' });
    expect(await effects(env.id)).toBe(0);
    const [row] = await ds.query('SELECT outcome, reason FROM inbox_message WHERE message_id = $1', [env.id]);
    expect(row).toEqual({ outcome: 'rejected', reason: 'PURCHASING.ROUND_CLOSED: the round closed at 12:00' });
    behaviour = 'apply';
    await deliver(env, 2);
    expect(calls).toBe(1);
    const sent = await receipts(env.id);
    expect(sent.map((r: { p: object }) => r.p)).toEqual([
      expect.objectContaining({ outcome: 'rejected', reason: 'PURCHASING.ROUND_CLOSED: the round closed at 12:00' }),
      expect.objectContaining({ outcome: 'rejected', reason: 'PURCHASING.ROUND_CLOSED: the round closed at 12:00' }),
    ]);
  });

  it('retries a passing failure with a delay, then dead-letters it on the last delivery and leaves no trace of it applied', async () => {
    behaviour = 'crash';
    const env = buildMessage(COOP_PROFILE_UPDATED_V1, profile, { coopId: 'colne-valley' });
    expect(await deliver(env, 1)).toEqual({ action: 'nak', delayMs: expect.any(Number) });
    expect(await deliver(env, 2)).toEqual({ action: 'nak', delayMs: expect.any(Number) });
    expect(await deliver(env, 3)).toEqual({ action: 'term' });
    expect(await effects(env.id)).toBe(0);
    expect(await ds.query('SELECT 1 FROM inbox_message WHERE message_id = $1', [env.id])).toEqual([]);
    const [dead] = await ds.query('SELECT reason, delivery_count FROM dead_letter WHERE message_id = $1', [env.id]);
    expect(dead).toEqual({ reason: 'failed 3 times (INBOX_MAX_DELIVER 3): database hiccup', delivery_count: 3 });
  });

  it('lets only the co-op a message went to settle it with a receipt', async () => {
    const sent = await ds.transaction((m) =>
      outbox.enqueue(
        m,
        REGISTRATION_ACCEPTED_V1,
        { status: 'registered', registeredAt: new Date().toISOString() },
        { coopId: 'colne-valley' },
      ),
    );
    await ds.query(`UPDATE outbox_message SET status = 'published', published_at = now() WHERE id = $1`, [sent.id]);
    const receipt = (coopId: string) =>
      buildMessage(
        { ...HUB_RECEIPT_V1, direction: 'coop-to-hub' },
        { messageId: sent.id, messageType: sent.type, messageVersion: 1, outcome: 'applied' },
        { coopId },
      );
    await deliver(receipt('holme-valley'));
    expect((await ds.query('SELECT status FROM outbox_message WHERE id = $1', [sent.id]))[0].status).toBe('published');
    await deliver(receipt('colne-valley'));
    expect((await ds.query('SELECT status, settled_at IS NOT NULL AS settled FROM outbox_message WHERE id = $1', [sent.id]))[0]).toEqual({
      status: 'confirmed',
      settled: true,
    });
  });

  it('refuses to queue a message in the wrong direction or without a co-op', async () => {
    await expect(ds.transaction((m) => outbox.enqueue(m, COOP_REGISTERED_V1, profile, { coopId: 'colne-valley' }))).rejects.toThrow(
      /is coop-to-hub, not sent by the hub/,
    );
    await expect(
      ds.transaction((m) =>
        outbox.enqueue(m, REGISTRATION_ACCEPTED_V1, { status: 'registered', registeredAt: new Date().toISOString() }, {}),
      ),
    ).rejects.toThrow(/must name the co-op/);
  });

  it('refuses a forged or tampered message with the reason, changes nothing and answers nobody', async () => {
    const env = buildMessage(COOP_REGISTERED_V1, profile, { coopId: 'colne-valley' });
    const subject = scheme.coopMessage('colne-valley', env.type);
    const forged = coops.get('holme-valley')!.sign(env);
    expect(await inbox.process({ subject, data: encodeMessage(forged), deliveryCount: 1 })).toEqual({ action: 'term' });
    const tampered = { ...coops.get('colne-valley')!.sign(env), payload: { ...profile, name: 'Tampered' } };
    expect(await inbox.process({ subject, data: encodeMessage(tampered), deliveryCount: 1 })).toEqual({ action: 'term' });
    const unknown = buildMessage(COOP_REGISTERED_V1, profile, { coopId: 'nowhere' });
    await inbox.process({
      subject: scheme.coopMessage('nowhere', env.type),
      data: encodeMessage(coops.get('colne-valley')!.sign(unknown)),
      deliveryCount: 1,
    });
    expect(calls).toBe(0);
    expect(await effects(env.id)).toBe(0);
    expect(await receipts(env.id)).toEqual([]);
    const dead = await ds.query('SELECT reason FROM dead_letter WHERE message_id = ANY($1::uuid[]) ORDER BY id', [[env.id, unknown.id]]);
    expect(dead.map((d: { reason: string }) => d.reason)).toEqual([
      'signature does not verify with the key of co-op colne-valley',
      'signature does not verify with the key of co-op colne-valley',
      'co-op nowhere has no signing key on record (not provisioned, or no longer a member: left the consortium)',
    ]);
  });

  it('dead-letters a bad message once, however often it is redelivered (an ack that came too late)', async () => {
    const env = buildMessage(COOP_REGISTERED_V1, profile, { coopId: 'colne-valley' });
    const forged = encodeMessage(coops.get('holme-valley')!.sign(env));
    const subject = scheme.coopMessage('colne-valley', env.type);
    for (const deliveryCount of [1, 2, 3])
      expect(await inbox.process({ subject, data: forged, deliveryCount })).toEqual({ action: 'term' });
    const dead = await ds.query('SELECT reason, delivery_count FROM dead_letter WHERE message_id = $1', [env.id]);
    expect(dead).toEqual([{ reason: 'signature does not verify with the key of co-op colne-valley', delivery_count: 1 }]);
  });

  it('on a node, accepts what the hub signed and refuses what anyone else signed as the hub', async () => {
    const nodeOptions: FederationOptions = {
      side: { kind: 'node', coopId: 'colne-valley' },
      scheme,
      config,
      connectionName: 'test-node',
      signer: coops.get('colne-valley')!,
    };
    const nodeHandlers = new InboxHandlers();
    let applied = 0;
    nodeHandlers.register(REGISTRATION_ACCEPTED_V1, async () => {
      applied++;
    });
    const node = new InboxProcessor(
      nodeOptions,
      ds,
      nodeHandlers,
      new OutboxService(nodeOptions, ds),
      new HubKey(hub.publicKey),
      new AuditTrail(ds),
    );
    const accepted = buildMessage(
      REGISTRATION_ACCEPTED_V1,
      { status: 'registered', registeredAt: new Date().toISOString() },
      { coopId: 'colne-valley' },
    );
    const subject = scheme.hubMessage('colne-valley', accepted.type);
    const impostor = coops.get('holme-valley')!.sign(accepted);
    expect(await node.process({ subject, data: encodeMessage(impostor), deliveryCount: 1 })).toEqual({ action: 'term' });
    expect(applied).toBe(0);
    const [dead] = await ds.query('SELECT reason FROM dead_letter WHERE message_id = $1', [accepted.id]);
    expect(dead.reason).toBe('signature does not verify with the key of the hub');
    expect(await node.process({ subject, data: encodeMessage(hub.sign(accepted)), deliveryCount: 1 })).toEqual({ action: 'ack' });
    expect(applied).toBe(1);
  });

  it('counts failures of the handler, not deliveries: a message put back many times is not dead-lettered for it', async () => {
    behaviour = 'crash';
    const env = buildMessage(COOP_PROFILE_UPDATED_V1, profile, { coopId: 'colne-valley' });
    // Delivered seven times before, each time put back for fairness: none of those was a failure.
    expect(await deliver(env, 8)).toEqual({ action: 'nak', delayMs: expect.any(Number) });
    expect(await deliver(env, 9)).toEqual({ action: 'nak', delayMs: expect.any(Number) });
    behaviour = 'apply';
    expect(await deliver(env, 10)).toEqual({ action: 'ack' });
    expect(await effects(env.id)).toBe(1);
    expect(await ds.query('SELECT 1 FROM dead_letter WHERE message_id = $1', [env.id])).toEqual([]);
    expect(await ds.query('SELECT 1 FROM inbox_attempt')).toEqual([]);
  });

  it('pauses when its own database is unavailable, however often, and counts nothing against the message', async () => {
    behaviour = 'outage';
    const env = buildMessage(COOP_PROFILE_UPDATED_V1, profile, { coopId: 'colne-valley' });
    for (const deliveryCount of [1, 2, 3, 4, 5, 6])
      expect(await deliver(env, deliveryCount)).toEqual({ action: 'pause', reason: expect.any(String) });
    behaviour = 'apply';
    expect(await deliver(env, 7)).toEqual({ action: 'ack' });
    expect(await effects(env.id)).toBe(1);
    expect(await ds.query('SELECT 1 FROM dead_letter WHERE message_id = $1', [env.id])).toEqual([]);
  });

  it('dead-letters on first sight a message whose decoding throws, tells its genuine sender, and goes on', async () => {
    const poisoned = buildMessage(
      REPORTING_RETURN_SUBMITTED_V1,
      {
        cycleId: '0f0e0d0c-0b0a-4998-8776-655443322110',
        definitionId: 'ccm-quarterly',
        definitionVersion: 1,
        period: { label: '2026-Q3', start: '2026-07-01', end: '2026-09-30' },
        figures: [{ metric: 'care_hours_delivered', breakdown: null, value: 0.5 }],
      },
      { coopId: 'colne-valley' },
    );
    (poisoned.payload.figures[0] as { value: number }).value = 1e-7;
    const subject = scheme.coopMessage('colne-valley', poisoned.type);
    const data = encodeMessage(coops.get('colne-valley')!.sign(poisoned));
    expect(await inbox.process({ subject, data, deliveryCount: 1 })).toEqual({ action: 'term' });
    const [dead] = await ds.query('SELECT reason, delivery_count FROM dead_letter WHERE message_id = $1', [poisoned.id]);
    expect(dead.delivery_count).toBe(1);
    expect(dead.reason).toMatch(/could not be decoded|invalid reporting\.return-submitted v1 payload/);
    expect((await receipts(poisoned.id)).map((r: { p: { outcome: string } }) => r.p.outcome)).toEqual(['rejected']);
    const next = buildMessage(COOP_PROFILE_UPDATED_V1, profile, { coopId: 'colne-valley' });
    expect(await deliver(next)).toEqual({ action: 'ack' });
  });

  it('writes at most DEAD_LETTER_LIMIT rows per sender and window, counts the rest in one summary without touching the database, and leaves other senders their own budget', async () => {
    const limited = loadConfig(FederationConfig, {
      AUTH_PUBLIC_KEY: newAuthKeyPair().AUTH_PUBLIC_KEY,
      NATS_NKEY_SEED: hubSeed,
      DEAD_LETTER_LIMIT: '3',
      DEAD_LETTER_WINDOW_MS: '86400000',
    });
    const small = new InboxProcessor({ ...options, config: limited }, ds, handlers, outbox, keys, new AuditTrail(ds));
    const junk = (coopId: string, i: number) => ({
      subject: scheme.coopMessage(coopId, 'coop.registered'),
      data: Buffer.from(`junk ${i} {`),
      deliveryCount: 1,
    });
    const rowsOf = async (coopId: string) =>
      Number((await ds.query('SELECT count(*) AS n FROM dead_letter WHERE coop_id = $1', [coopId]))[0].n);
    for (let i = 0; i < 3; i++) {
      expect(small.quickRefusal(junk('flood-coop', i))).toBeNull();
      expect(await small.process(junk('flood-coop', i))).toEqual({ action: 'term' });
    }
    for (let i = 3; i < 10; i++) expect(small.quickRefusal(junk('flood-coop', i))).toEqual({ action: 'term' });
    expect(await small.process(junk('flood-coop', 10))).toEqual({ action: 'term' });
    expect(await small.process(junk('quiet-coop', 0))).toEqual({ action: 'term' });
    await small.flush();
    expect(await rowsOf('flood-coop')).toBe(3);
    expect(await rowsOf('quiet-coop')).toBe(1);
    const summaries = await ds.query(
      'SELECT coop_id, suppressed, sample_reason, first_seen <= last_seen AS ordered FROM dead_letter_summary',
    );
    expect(summaries).toEqual([{ coop_id: 'flood-coop', suppressed: 8, sample_reason: 'message is not valid JSON', ordered: true }]);
  });
  describe('in batches (one transaction, one commit, each effect in its own savepoint)', () => {
    it("keeps the others when one message's effect fails and another's is refused; the failed one is counted, retried and dead-lettered as alone", async () => {
      const [fine, failing, refused, alsoFine] = ['colne-valley', 'holme-valley', 'colne-valley', 'holme-valley'].map(updateFrom);
      behaviourOf.set(failing.id, 'crash').set(refused.id, 'refuse');
      expect(await deliverBatch([fine, failing, refused, alsoFine])).toEqual([
        { action: 'ack' },
        { action: 'nak', delayMs: expect.any(Number) },
        { action: 'ack' },
        { action: 'ack' },
      ]);
      for (const [env, n] of [
        [fine, 1],
        [failing, 0],
        [refused, 0],
        [alsoFine, 1],
      ] as const)
        expect(await effects(env.id)).toBe(n);
      expect(await inboxRows([fine.id, failing.id, refused.id, alsoFine.id])).toEqual(
        expect.arrayContaining([
          { id: fine.id, outcome: 'applied' },
          { id: refused.id, outcome: 'rejected' },
          { id: alsoFine.id, outcome: 'applied' },
        ]),
      );
      expect(await inboxRows([failing.id])).toEqual([]);
      expect((await receipts(refused.id)).map((r: { p: { outcome: string } }) => r.p.outcome)).toEqual(['rejected']);
      expect(await receipts(failing.id)).toEqual([]);

      // Redelivered with the next batch: still failing, it is dead-lettered on its INBOX_MAX_DELIVER'th failure.
      const next = updateFrom('colne-valley');
      expect(await deliverBatch([failing, next], 2)).toEqual([{ action: 'nak', delayMs: expect.any(Number) }, { action: 'ack' }]);
      expect(await deliverBatch([failing, updateFrom('colne-valley')], 3)).toEqual([{ action: 'term' }, { action: 'ack' }]);
      const [dead] = await ds.query('SELECT reason FROM dead_letter WHERE message_id = $1', [failing.id]);
      expect(dead.reason).toBe('failed 3 times (INBOX_MAX_DELIVER 3): database hiccup');
      expect(await effects(failing.id)).toBe(0);
    });

    it('applies messages in the order given, and a duplicate inside one batch once (the repeat is answered again)', async () => {
      const [first, second] = [updateFrom('colne-valley'), updateFrom('colne-valley')];
      expect(await deliverBatch([first, second, first])).toEqual([{ action: 'ack' }, { action: 'ack' }, { action: 'ack' }]);
      expect(calls).toBe(2);
      const order = await ds.query('SELECT message_id AS id FROM effect WHERE message_id = ANY($1::uuid[]) ORDER BY n', [
        [first.id, second.id],
      ]);
      expect(order).toEqual([{ id: first.id }, { id: second.id }]);
      expect((await receipts(first.id)).map((r: { p: { outcome: string } }) => r.p.outcome)).toEqual(['applied', 'applied']);
    });

    it('applies a message whose id is written in capitals (PostgreSQL answers a uuid in lower case)', async () => {
      const shouting = { ...updateFrom('holme-valley') };
      shouting.id = shouting.id.toUpperCase();
      expect(await deliverBatch([updateFrom('colne-valley'), shouting])).toEqual([{ action: 'ack' }, { action: 'ack' }]);
      expect(calls).toBe(2);
      expect(await effects(shouting.id)).toBe(1);
    });

    it('writes nothing of a batch whose connection is cut mid-way, pauses, and then applies each message exactly once', async () => {
      const batch = [updateFrom('colne-valley'), updateFrom('holme-valley'), updateFrom('colne-valley')];
      behaviourOf.set(batch[1].id, 'cut');
      const answers = await deliverBatch(batch);
      expect(answers).toEqual(batch.map(() => ({ action: 'pause', reason: expect.any(String) })));
      for (const env of batch) expect(await effects(env.id)).toBe(0);
      expect(await inboxRows(batch.map((e) => e.id))).toEqual([]);
      behaviourOf.clear();
      // The pool may hand out the killed connection's place once more: the inbox pauses again until it answers.
      await waitFor(
        'the batch applied',
        () => deliverBatch(batch, 2),
        (a) => a.every((d) => d.action === 'ack'),
      );
      for (const env of batch) expect(await effects(env.id)).toBe(1);
      expect(await ds.query('SELECT 1 FROM inbox_attempt')).toEqual([]);
      expect(await ds.query('SELECT 1 FROM dead_letter WHERE message_id = ANY($1::uuid[])', [batch.map((e) => e.id)])).toEqual([]);
    });

    it('applies the messages of a batch whose commit fails one at a time: the one that broke it is counted, the others applied once', async () => {
      const [fine, spoiler, alsoFine] = [updateFrom('colne-valley'), updateFrom('holme-valley'), updateFrom('colne-valley')];
      behaviourOf.set(spoiler.id, 'spoil-commit');
      expect(await deliverBatch([fine, spoiler, alsoFine])).toEqual([
        { action: 'ack' },
        { action: 'nak', delayMs: expect.any(Number) },
        { action: 'ack' },
      ]);
      expect(await effects(fine.id)).toBe(1);
      expect(await effects(alsoFine.id)).toBe(1);
      expect(await effects(spoiler.id)).toBe(0);
      expect(await inboxRows([spoiler.id])).toEqual([]);
      const [attempt] = await ds.query('SELECT failures FROM inbox_attempt WHERE message_key = $1', [
        createHash('sha256').update(delivery(spoiler).data).digest('hex'),
      ]);
      expect(attempt).toEqual({ failures: 1 });
      await ds.query('DELETE FROM inbox_attempt');
    });
  });
});
