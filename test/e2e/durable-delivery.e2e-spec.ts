import { randomUUID } from 'node:crypto';

import { connect, NatsConnection } from 'nats';
import { DataSource, QueryRunner } from 'typeorm';

import type { CoopProfilePayload } from '@app/contracts';
import { buildMessage, COOP_PROFILE_UPDATED_V1, COOP_REGISTERED_V1, encodeMessage, subjectScheme } from '@app/contracts';
import { InboxProcessor, NatsLink, OutboxRelay, OutboxService } from '@app/federation';

import { TestMesh } from '../support/mesh';
import { TestNatsServer } from '../support/nats-server';
import { waitFor } from '../support/wait-for';

/**
 * The durability guarantees of the outbox/inbox path, each against a private nats-server that the
 * test can stop, restart and wipe.
 */
describe('durable delivery between node and hub', () => {
  let server: TestNatsServer;
  let mesh: TestMesh;
  let raw: NatsConnection;
  const COOP = 'colne-valley';
  /** A co-op's backlog per subject is capped low here, so the test can fill it. */
  const HUB_ENV = { STREAM_MAX_MSGS_PER_SUBJECT: '10' };
  /** The mesh is made in beforeAll (on a private NATS server), so the client is asked for each time. */
  const admin = () => mesh.node(COOP).as('coop-admin');
  const profile: CoopProfilePayload = {
    name: 'Colne Valley Care Co-op',
    legalForm: 'community-benefit-society',
    localities: ['Marsden'],
    servicesOffered: ['personal-care'],
    nodeVersion: '0.1.0',
  };

  const hubCoop = async () => (await mesh.hubQuery<{ name: string }>('SELECT name FROM coop WHERE id = $1', [COOP]))[0];
  const nodeOutbox = () =>
    mesh.nodeQuery<{ id: string; status: string; type: string; attempts: number }>(
      COOP,
      'SELECT id, status, type, attempts FROM outbox_message',
    );
  /** Exactly once is counted in effects: the audit row the inbox writes with each message it applies. */
  const applied = async (id: string) =>
    Number((await mesh.hubQuery<{ n: string }>('SELECT count(*) AS n FROM audit_event WHERE target = $1', [`message=${id}`]))[0].n);
  const hubSent = async (type: string, causationOrMessageId: string) =>
    Number(
      (
        await mesh.hubQuery<{ n: string }>(
          `SELECT count(*) AS n FROM outbox_message WHERE type = $1 AND (envelope->>'causationId' = $2 OR envelope->'payload'->>'messageId' = $2)`,
          [type, causationOrMessageId],
        )
      )[0].n,
    );
  const rename = (name: string) => admin().patch('/profile').send({ name }).expect(200);
  const publishRaw = async (subject: string, data: Uint8Array, msgID: string) => raw.jetstream().publish(subject, data, { msgID });

  beforeAll(async () => {
    server = await TestNatsServer.start();
    mesh = new TestMesh(server.url);
    await mesh.startHub(HUB_ENV);
    await mesh.startNode(COOP);
    await waitFor('registration confirmed', nodeOutbox, (rows) => rows.length > 0 && rows.every((r) => r.status === 'confirmed'));
    raw = await connect({ servers: server.url, maxReconnectAttempts: -1, reconnectTimeWait: 200 });
  });

  afterAll(async () => {
    await raw?.close();
    await mesh?.dispose();
    await server?.dispose();
  });

  it('delivers messages written while NATS is unreachable, each exactly once, when it comes back', async () => {
    await server.stop();
    await waitFor(
      'the node to see NATS down',
      async () => (await admin().get('/federation/status')).body.natsConnected,
      (up) => up === false,
    );

    for (const name of ['Colne Valley A', 'Colne Valley B', 'Colne Valley C']) await rename(name);
    const waiting = (await nodeOutbox()).filter((r) => r.type === 'coop.profile-updated');
    expect(waiting).toHaveLength(3);
    expect(waiting.every((r) => r.status === 'pending')).toBe(true);

    await server.resume();
    await waitFor('the last name on the hub', hubCoop, (c) => c?.name === 'Colne Valley C');
    await waitFor('every profile change confirmed by receipt', nodeOutbox, (rows) =>
      rows.filter((r) => r.type === 'coop.profile-updated').every((r) => r.status === 'confirmed'),
    );
    for (const row of waiting) expect(await applied(row.id)).toBe(1);
  });

  it('stores a message published twice with the same id once, and a late repeat changes nothing', async () => {
    const scheme = subjectScheme(mesh.root);
    const envelope = mesh.signerOf(COOP).sign(buildMessage(COOP_REGISTERED_V1, { ...profile }, { coopId: COOP }));
    const subject = scheme.coopMessage(COOP, envelope.type);
    const first = await publishRaw(subject, encodeMessage(envelope), envelope.id);
    const second = await publishRaw(subject, encodeMessage(envelope), envelope.id);
    expect(first.duplicate).toBe(false);
    expect(second.duplicate).toBe(true);
    expect(second.seq).toBe(first.seq);
    await waitFor(
      'the registration applied',
      () => applied(envelope.id),
      (n) => n === 1,
    );
    await waitFor(
      'its receipt queued',
      () => hubSent('federation.receipt', envelope.id),
      (n) => n === 1,
    );

    // A repeat long after JetStream's duplicate window looks to the broker like a new message.
    await publishRaw(subject, encodeMessage(envelope), randomUUID());
    await waitFor(
      'the repeat answered with a second receipt',
      () => hubSent('federation.receipt', envelope.id),
      (n) => n === 2,
    );
    expect(await applied(envelope.id)).toBe(1);
    expect(await hubSent('registry.registration-accepted', envelope.id)).toBe(1);
  });

  it('survives a broker that lost acknowledged messages: the node republishes what has no receipt', async () => {
    await mesh.stopHub();
    await rename('Colne Valley after the loss');
    const [row] = (await nodeOutbox()).filter((r) => r.type === 'coop.profile-updated' && r.status !== 'confirmed');
    await waitFor('the change acknowledged by JetStream', nodeOutbox, (rows) => rows.find((r) => r.id === row.id)?.status === 'published');

    // The broker loses everything it acknowledged.
    const jsm = await raw.jetstreamManager();
    await jsm.streams.delete(subjectScheme(mesh.root).coopStream());

    await mesh.startHub(HUB_ENV);
    await waitFor('the lost change applied on the hub', hubCoop, (c) => c?.name === 'Colne Valley after the loss');
    const settled = await waitFor(
      'the republished row confirmed',
      nodeOutbox,
      (rows) => rows.find((r) => r.id === row.id)?.status === 'confirmed',
    );
    expect(settled.find((r) => r.id === row.id)!.attempts).toBeGreaterThanOrEqual(2);
    expect(await applied(row.id)).toBe(1);
  });

  it('applies a message once when the hub dies between its commit and its ack', async () => {
    const processor = mesh.hubApp!.get(InboxProcessor);
    const link = mesh.hubApp!.get(NatsLink);
    const envelope = mesh.signerOf(COOP).sign(buildMessage(COOP_REGISTERED_V1, { ...profile }, { coopId: COOP }));
    processor.onCommitted = async ({ envelope: applied }) => {
      // The process "dies": its connection goes before it can acknowledge.
      if (applied.id === envelope.id) await link.connection?.close();
    };
    await publishRaw(subjectScheme(mesh.root).coopMessage(COOP, envelope.type), encodeMessage(envelope), envelope.id);
    await waitFor(
      'the first hub to commit',
      () => applied(envelope.id),
      (n) => n === 1,
    );
    await mesh.stopHub();

    await mesh.startHub(HUB_ENV);
    // JetStream redelivers after the ack wait; the new hub finds the inbox row and only answers again.
    await waitFor(
      'the redelivery answered',
      () => hubSent('federation.receipt', envelope.id),
      (n) => n === 2,
    );
    expect(await applied(envelope.id)).toBe(1);
    expect(await hubSent('registry.registration-accepted', envelope.id)).toBe(1);
  });

  it('dead-letters malformed, unknown-version, misaddressed and id-reusing messages, and still processes the next good one', async () => {
    const scheme = subjectScheme(mesh.root);
    const subject = scheme.coopMessage(COOP, 'coop.registered');
    await publishRaw(subject, Buffer.from('not json {'), randomUUID());

    const future = mesh.signerOf(COOP).sign({ ...buildMessage(COOP_REGISTERED_V1, { ...profile }, { coopId: COOP }), version: 99 });
    await publishRaw(subject, encodeMessage(future), future.id);

    const misaddressed = mesh.signerOf(COOP).sign(buildMessage(COOP_REGISTERED_V1, { ...profile }, { coopId: 'holme-valley' }));
    await publishRaw(subject, encodeMessage(misaddressed), misaddressed.id);

    // Older than every other change (so it never renames the co-op), yet inside the inbox's retention horizon.
    const original = mesh
      .signerOf(COOP)
      .sign(
        buildMessage(
          COOP_PROFILE_UPDATED_V1,
          { ...profile, name: 'Original' },
          { coopId: COOP, occurredAt: new Date(Date.now() - 30 * 86_400_000) },
        ),
      );
    // Signed by the co-op itself: a repeat of a known id with other content is refused even when the signature is good.
    const { signature: _sig, ...unsigned } = original;
    const reused = mesh.signerOf(COOP).sign({ ...unsigned, payload: { ...original.payload, name: 'Forged' } });
    await publishRaw(scheme.coopMessage(COOP, original.type), encodeMessage(original), original.id);
    await publishRaw(scheme.coopMessage(COOP, original.type), encodeMessage(reused), randomUUID());

    const good = mesh
      .signerOf(COOP)
      .sign(buildMessage(COOP_PROFILE_UPDATED_V1, { ...profile, name: 'After the bad ones' }, { coopId: COOP }));
    await publishRaw(scheme.coopMessage(COOP, good.type), encodeMessage(good), good.id);

    await waitFor('the good message applied', hubCoop, (c) => c?.name === 'After the bad ones');
    const dead = await waitFor(
      'four dead letters',
      () => mesh.hubQuery<{ reason: string; message_id: string | null }>('SELECT reason, message_id FROM dead_letter ORDER BY id'),
      (rows) => rows.length === 4,
    );
    expect(dead.map((d) => d.reason)).toEqual([
      'message is not valid JSON',
      'unknown version 99 of coop.registered (known: 1)',
      "claimed co-op holme-valley does not match the subject's co-op colne-valley",
      `message id ${original.id} was seen before with different content`,
    ]);
    expect(dead[1].message_id).toBe(future.id);
  });

  it('publishes a message and settles it by receipt while HTTP requests hold every connection of the main pool', async () => {
    const node = mesh.nodes.get(COOP)!;
    const main = node.get(DataSource);
    const poolSize = (main.options as { extra?: { max?: number } }).extra?.max ?? 10;
    const held: QueryRunner[] = [];
    try {
      for (let i = 0; i < poolSize; i++) {
        const runner = main.createQueryRunner();
        await runner.connect();
        await runner.startTransaction();
        held.push(runner);
      }
      // Written on one of the held connections, which stays held: the relay and the inbox must do without the main pool.
      const envelope = await node
        .get(OutboxService)
        .enqueue(held[0].manager, COOP_PROFILE_UPDATED_V1, { ...profile, name: 'Colne Valley with the pool full' }, {});
      await held[0].commitTransaction();
      await held[0].startTransaction();
      node.get(OutboxRelay).nudge();
      await waitFor(
        'the change confirmed by receipt while the pool is full',
        nodeOutbox,
        (rows) => rows.find((r) => r.id === envelope.id)?.status === 'confirmed',
        { timeoutMs: 15_000 },
      );
      expect(await applied(envelope.id)).toBe(1);
    } finally {
      for (const runner of held) {
        await runner.rollbackTransaction().catch(() => undefined);
        await runner.release();
      }
    }
  });

  it("holds messages in the outbox while the co-op's backlog on a subject is at the stream's cap, and delivers them all once the hub takes messages again", async () => {
    await mesh.stopHub();
    const names = Array.from({ length: 14 }, (_, i) => `Colne Valley backlog ${String(i).padStart(2, '0')}`);
    for (const name of names) await rename(name);
    const rows = async () =>
      await mesh.nodeQuery<{ id: string; status: string; last_error: string | null }>(
        COOP,
        `SELECT id, status, last_error FROM outbox_message WHERE type = 'coop.profile-updated' AND envelope->'payload'->>'name' LIKE 'Colne Valley backlog %'`,
      );
    // At most ten fit under the cap (fewer once the first are republished, each copy taking a place);
    // the stream refuses the rest (err_code 10077) and they wait in the outbox, never published.
    await waitFor(
      'the stream full and the rest held back',
      rows,
      (r) => r.filter((x) => x.status === 'pending' && /stream limit reached/.test(x.last_error ?? '')).length >= 4,
    );
    expect((await rows()).filter((x) => x.status === 'published').length).toBeLessThanOrEqual(10);

    await mesh.startHub(HUB_ENV);
    await waitFor('every change confirmed', rows, (r) => r.length === names.length && r.every((x) => x.status === 'confirmed'), {
      timeoutMs: 60_000,
    });
    expect(await hubCoop()).toEqual({ name: names[names.length - 1] });
    for (const row of await rows()) expect(await applied(row.id)).toBe(1);
  }, 90_000);
});
