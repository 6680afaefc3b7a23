import { connect, NatsConnection } from 'nats';

import { subjectScheme } from '@app/contracts';

import { TestMesh } from '../support/mesh';
import { TcpProxy } from '../support/tcp-proxy';
import { PG } from '../support/test-database';
import { waitFor } from '../support/wait-for';

/**
 * An outage of the receiver's own database is not the messages' fault: the hub pauses, nothing is
 * counted against them or dead-lettered, the sender's republishes inside JetStream's duplicate window
 * are stored (not swallowed as duplicates), and when the database is back every message is applied
 * exactly once within seconds. The hub reaches PostgreSQL through a proxy the test cuts.
 */
describe("an outage of the hub's database", () => {
  const mesh = new TestMesh();
  const COOP = 'colne-valley';
  let proxy: TcpProxy;
  let nc: NatsConnection;

  const admin = mesh.node(COOP).as('coop-admin');
  const rename = (name: string) => admin.patch('/profile').send({ name }).expect(200);
  const nodeOutbox = () =>
    mesh.nodeQuery<{ id: string; status: string; type: string; attempts: number }>(
      COOP,
      'SELECT id, status, type, attempts FROM outbox_message',
    );
  const streamMessages = async () =>
    (await (await nc.jetstreamManager()).streams.info(subjectScheme(mesh.root).coopStream())).state.messages;

  beforeAll(async () => {
    proxy = await TcpProxy.start({ host: PG.host, port: PG.port });
    await mesh.startHub({ DB_PORT: String(proxy.port) });
    await mesh.startNode(COOP);
    await waitFor('registration confirmed', nodeOutbox, (rows) => rows.length > 0 && rows.every((r) => r.status === 'confirmed'));
    nc = await connect({ servers: mesh.natsUrl });
  });

  afterAll(async () => {
    await proxy?.restore();
    await nc?.close();
    await mesh.dispose();
    await proxy?.dispose();
  });

  it('pauses the hub, keeps every message and its republishes, and applies each exactly once within seconds of the database coming back', async () => {
    const before = await streamMessages();
    await proxy.cut();
    const names = ['Colne Valley during the outage 1', 'Colne Valley during the outage 2', 'Colne Valley during the outage 3'];
    for (const name of names) await rename(name);
    const sent = (await nodeOutbox()).filter((r) => r.type === 'coop.profile-updated' && r.status !== 'confirmed');
    expect(sent).toHaveLength(3);

    // With no receipt, the node publishes each again (2 s, then 4 s later): well past INBOX_MAX_DELIVER
    // deliveries of the ack wait, and inside the two-minute duplicate window. Each copy is stored.
    await waitFor(
      'every change republished twice',
      nodeOutbox,
      (rows) => sent.every((s) => (rows.find((r) => r.id === s.id)?.attempts ?? 0) >= 3),
      { timeoutMs: 30_000 },
    );
    expect(await streamMessages()).toBeGreaterThanOrEqual(before + 3 * sent.length);

    await proxy.restore();
    const restoredAt = Date.now();
    await waitFor(
      'the last name on the hub',
      async () => (await mesh.hubQuery<{ name: string }>('SELECT name FROM coop WHERE id = $1', [COOP]))[0]?.name,
      (n) => n === names[2],
      { timeoutMs: 30_000 },
    );
    await waitFor(
      'every change confirmed by receipt',
      nodeOutbox,
      (rows) => sent.every((s) => rows.find((r) => r.id === s.id)?.status === 'confirmed'),
      { timeoutMs: 30_000 },
    );
    expect(Date.now() - restoredAt).toBeLessThan(10_000);

    const applied = await mesh.hubQuery<{ target: string; n: number }>(
      'SELECT target, count(*)::int AS n FROM audit_event WHERE target = ANY($1) GROUP BY target',
      [sent.map((s) => `message=${s.id}`)],
    );
    expect(applied.map((a) => a.n)).toEqual([1, 1, 1]);
    expect(await mesh.hubQuery('SELECT reason FROM dead_letter')).toEqual([]);
    // The copies were delivered too, and only answered again.
    const answered = await mesh.hubQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox_message WHERE type = 'federation.receipt' AND envelope->'payload'->>'messageId' = ANY($1)`,
      [sent.map((s) => s.id)],
    );
    expect(answered[0].n).toBeGreaterThan(sent.length);
  }, 120_000);
});
