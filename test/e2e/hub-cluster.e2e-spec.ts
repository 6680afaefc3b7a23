import { connect, NatsConnection } from 'nats';
import { Client } from 'pg';
import request from 'supertest';

import { subjectScheme } from '@app/contracts';

import { AppProcess, freePort } from '../support/app-process';
import { aCatalogueItem, aRound } from '../support/builders';
import { TestMesh } from '../support/mesh';
import { TestNatsCluster } from '../support/nats-cluster';
import { PG } from '../support/test-database';
import { waitFor } from '../support/wait-for';

jest.setTimeout(600_000);

const METRICS_TOKEN = 'hub-cluster-metrics-token-0123456789abcdef';
/** Messages each node sends in one burst, and rounds (one message to each co-op) the hub opens in one. */
const RENAMES = 25;
const ROUNDS = 8;
const SETTLE = { timeoutMs: 180_000, intervalMs: 500 };

interface HubInstance {
  name: string;
  process: AppProcess;
  base: string;
}

/**
 * The hub scaled out as an operator runs it: three nats-server processes as one JetStream cluster
 * with the streams replicated on all three (STREAM_REPLICAS=3), one PostgreSQL database, two hub
 * instances as processes of their own started at the same moment on an empty database (so they
 * migrate and make the topology together), and two co-op nodes. Nodes rename their co-op again and
 * again (node → hub) while staff open purchasing rounds (hub → every node); each applied message is
 * answered by a receipt the other way. The two instances share the hub's durable consumer; one is
 * killed with SIGKILL in the middle of a burst, later one NATS server too, and every message is still
 * applied exactly once: one inbox row and one audit row per message, the effects there once, and
 * every outbox row on every side settled by its receipt. Last, a new instance brings a stream left
 * with one copy back to three in place. Scheduled jobs once: jobs-once.e2e-spec.ts.
 */
describe('two hub instances on a three-server NATS cluster', () => {
  const COOPS = ['aire-cluster', 'calder-cluster'];
  let cluster: TestNatsCluster;
  let mesh: TestMesh;
  let nc: NatsConnection;
  const hubs: HubInstance[] = [];
  let item: string;

  const startHubInstance = async (name: string): Promise<HubInstance> => {
    const port = await freePort();
    const app = new AppProcess(
      'consortium-hub',
      mesh.hubEnv({
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        STREAM_REPLICAS: '3',
        METRICS_TOKEN,
        // Small pulls, so both instances get a share of a burst rather than one taking it all.
        INBOX_MAX_HELD: '16',
      }),
    );
    return { name, process: app, base: `http://127.0.0.1:${port}` };
  };
  const healthy = (hub: HubInstance) =>
    waitFor(
      `hub ${hub.name} to answer`,
      async () => (await request(hub.base).get('/ready')).status,
      (s) => s === 200,
      { timeoutMs: 180_000, intervalMs: 500 },
    );

  /** Lines an instance logged as errors, but for its readiness probe failing while NATS was not yet connected at start. */
  const errorsIn = (hub: HubInstance) =>
    hub.process.log.split('\n').filter((line) => /"level":(50|60)/.test(line) && !/Health Check has failed/.test(line));

  /** Messages this instance's inbox has applied, from its own metrics. */
  const appliedBy = async (hub: HubInstance) => {
    const text = (await request(hub.base).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200)).text;
    return text
      .split('\n')
      .filter((line) => line.startsWith('ccm_messages_applied_total{') && line.includes('outcome="applied"'))
      .reduce((n, line) => n + Number(line.split(' ').pop()), 0);
  };
  const asStaff = (req: request.Test) => req.set('Authorization', `Bearer ${mesh.hubToken('consortium-staff')}`);

  const rename = (coop: string, name: string) => mesh.node(coop).as('coop-admin').patch('/profile').send({ name }).expect(200);
  const renameMany = async (coop: string, label: string) => {
    for (let i = 1; i <= RENAMES; i++) await rename(coop, `${coop} ${label} ${i}`);
  };
  const openRounds = async (hub: HubInstance) => {
    for (let i = 0; i < ROUNDS; i++) {
      const round = (
        await asStaff(request(hub.base).post('/purchasing/rounds'))
          .send(aRound([item]))
          .expect(201)
      ).body;
      await asStaff(request(hub.base).post(`/purchasing/rounds/${round.id}/open`))
        .send({})
        .expect(200);
    }
  };

  /** Every outbox row on every side settled (receipts in), and nothing left to send. */
  const unsettled = async () => {
    let n = Number((await mesh.hubQuery<{ n: string }>(`SELECT count(*) AS n FROM outbox_message WHERE status <> 'confirmed'`))[0].n);
    for (const coop of COOPS)
      n += Number((await mesh.nodeQuery<{ n: string }>(coop, `SELECT count(*) AS n FROM outbox_message WHERE status <> 'confirmed'`))[0].n);
    return n;
  };

  /** The same message applied twice would leave two audit rows naming it. */
  const doubled = async (query: (sql: string) => Promise<{ target: string; n: number }[]>) =>
    query(`SELECT target, count(*)::int AS n FROM audit_event WHERE target LIKE 'message=%' GROUP BY target HAVING count(*) <> 1`);

  /** Exactly once, from the rows: each message sent on one side is applied once on the other, with its effect. */
  const expectExactlyOnce = async (renamesPerCoop: number, rounds: number) => {
    await waitFor('every outbox row on every side confirmed by its receipt', unsettled, (n) => n === 0, SETTLE);
    for (const coop of COOPS) {
      const sent = await mesh.nodeQuery<{ id: string }>(coop, `SELECT id FROM outbox_message WHERE type = 'coop.profile-updated'`);
      expect(sent).toHaveLength(renamesPerCoop);
      const ids = sent.map((r) => r.id);
      const [hubInbox] = await mesh.hubQuery<{ applied: number; all: number }>(
        `SELECT count(*) FILTER (WHERE outcome = 'applied')::int AS applied, count(*)::int AS "all" FROM inbox_message WHERE message_id = ANY($1::uuid[])`,
        [ids],
      );
      expect(hubInbox).toEqual({ applied: ids.length, all: ids.length });
      const [audited] = await mesh.hubQuery<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE target = ANY($1::text[])`, [
        ids.map((id) => `message=${id}`),
      ]);
      expect(audited.n).toBe(ids.length);
      // The profile the hub holds is the co-op's last, whichever instance applied which change.
      const [{ name: last }] = await mesh.nodeQuery<{ name: string }>(
        coop,
        `SELECT envelope->'payload'->>'name' AS name FROM outbox_message
          WHERE type = 'coop.profile-updated' ORDER BY envelope->>'occurredAt' DESC LIMIT 1`,
      );
      expect((await mesh.hubQuery<{ name: string }>('SELECT name FROM coop WHERE id = $1', [coop]))[0].name).toBe(last);

      // Hub → node: each round opened arrived once, with its round kept once.
      const [nodeSide] = await mesh.nodeQuery<{ inbox: number; rounds: number; audited: number }>(
        coop,
        `SELECT (SELECT count(*)::int FROM inbox_message WHERE type = 'purchasing.round-opened' AND outcome = 'applied') AS inbox,
                (SELECT count(*)::int FROM purchasing_round) AS rounds,
                (SELECT count(*)::int FROM audit_event a JOIN inbox_message i ON a.target = 'message=' || i.message_id
                  WHERE i.type = 'purchasing.round-opened') AS audited`,
      );
      expect(nodeSide).toEqual({ inbox: rounds, rounds, audited: rounds });
      expect(await doubled((sql) => mesh.nodeQuery(coop, sql))).toEqual([]);
    }
    expect(await doubled((sql) => mesh.hubQuery(sql))).toEqual([]);
    const [hubSent] = await mesh.hubQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox_message WHERE type = 'purchasing.round-opened'`,
    );
    expect(hubSent.n).toBe(rounds * COOPS.length);
  };

  beforeAll(async () => {
    cluster = await TestNatsCluster.start(3);
    mesh = new TestMesh(cluster.url);
    nc = await connect({ servers: cluster.urls, maxReconnectAttempts: -1, reconnectTimeWait: 200 });
    // Both at once, on a database that does not exist yet: they create it, migrate and make the streams together.
    hubs.push(await startHubInstance('A'), await startHubInstance('B'));
    await Promise.all(hubs.map(healthy));
    for (const coop of COOPS) {
      await mesh.provision(coop);
      await mesh.startNode(coop);
    }
    for (const coop of COOPS) await mesh.registered(coop);
    item = (await asStaff(request(hubs[1].base).post('/purchasing/catalogue')).send(aCatalogueItem()).expect(201)).body.id;
  }, 400_000);

  afterAll(async () => {
    for (const hub of hubs) await hub.process.stop();
    await nc?.close();
    await mesh?.dispose();
    await cluster?.dispose();
  });

  it('made both streams and their consumers replicated on all three servers, once, with two instances starting together', async () => {
    const jsm = await nc.jetstreamManager();
    const scheme = subjectScheme(mesh.root);
    for (const stream of [scheme.coopStream(), scheme.hubStream()]) {
      const info = await jsm.streams.info(stream);
      expect(info.config.num_replicas).toBe(3);
      expect(info.cluster?.replicas?.filter((r) => r.current)).toHaveLength(2);
    }
    const consumer = await jsm.consumers.info(scheme.coopStream(), scheme.hubConsumer());
    expect(consumer.cluster?.replicas).toHaveLength(2);
    for (const coop of COOPS)
      expect((await jsm.consumers.info(scheme.hubStream(), scheme.nodeConsumer(coop))).cluster?.replicas).toHaveLength(2);
    for (const hub of hubs) expect(errorsIn(hub)).toEqual([]);
  });

  it('shares the durable consumer between both instances, each message applied once', async () => {
    await Promise.all([...COOPS.map((coop) => renameMany(coop, 'first')), openRounds(hubs[0]), openRounds(hubs[1])]);
    await expectExactlyOnce(RENAMES, 2 * ROUNDS);
    const [a, b] = await Promise.all(hubs.map(appliedBy));
    // Each instance applied part of the work: its own inbox's count, from its own /metrics.
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
  });

  it('loses and doubles nothing when one instance is killed with SIGKILL holding messages mid-flow; the other takes its work over', async () => {
    const [a, b] = hubs;
    const jsm = await nc.jetstreamManager();
    const scheme = subjectScheme(mesh.root);
    const pendingAcks = async () => (await jsm.consumers.info(scheme.coopStream(), scheme.hubConsumer())).num_ack_pending;
    // Profile changes wait on the registry's lock while the test holds it, so A is sure to be in the
    // middle of applying some (its transactions open, the messages unacknowledged) when it is killed.
    const registry = new Client({ ...PG, database: mesh.hubDb });
    await registry.connect();
    await registry.query(`SELECT pg_advisory_lock(hashtextextended('registry:identities', 0))`);
    const flow = Promise.all([...COOPS.map((coop) => renameMany(coop, 'second')), openRounds(b)]);
    let atKill: { unsettled: number; b: number; pendingAcks: number };
    try {
      await waitFor(
        'instance A in the middle of applying a profile change of this burst',
        () =>
          mesh.hubQuery<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity s USING (pid)
              WHERE l.locktype = 'advisory' AND NOT l.granted AND s.datname = $1 AND s.client_port = ANY($2::int[])`,
            [mesh.hubDb, a.process.tcpPorts()],
          ),
        ([{ n }]) => n > 0,
        { timeoutMs: 60_000, intervalMs: 100 },
      );
      await a.process.kill();
      // What A held is still unacknowledged in the durable consumer: it goes back after the ack wait and
      // on to B once B has room (B holds what it can while the lock is held, and stops pulling).
      atKill = { unsettled: await unsettled(), b: await appliedBy(b), pendingAcks: await pendingAcks() };
    } finally {
      await registry.end(); // releases the lock: B goes on, and A's open transactions were never committed
    }
    await flow;

    await expectExactlyOnce(2 * RENAMES, 3 * ROUNDS);
    expect(atKill.unsettled).toBeGreaterThan(0); // the kill came mid-flow
    expect(atKill.pendingAcks).toBeGreaterThan(0); // with messages delivered and not acknowledged
    // A's transactions were waiting on the lock when it was killed, so none of them committed: every
    // rename applied exactly once means what A held was delivered again and applied by B.
    expect(await appliedBy(b)).toBeGreaterThan(atKill.b);
    expect(errorsIn(b)).toEqual([]);
  });

  it('keeps going when one NATS server of the three is killed mid-flow, the replicated streams losing nothing, and the server catches up when back', async () => {
    const b = hubs[1];
    const flow = Promise.all([...COOPS.map((coop) => renameMany(coop, 'third')), openRounds(b)]);
    await waitFor('the third burst under way', unsettled, (n) => n > 0, { timeoutMs: 30_000, intervalMs: 50 });
    await cluster.kill(0);
    await flow;
    await expectExactlyOnce(3 * RENAMES, 4 * ROUNDS);

    // Back on its ports and store, the server catches up: every stream has three current copies again.
    await cluster.restart(0);
    const jsm = await nc.jetstreamManager();
    const scheme = subjectScheme(mesh.root);
    for (const stream of [scheme.coopStream(), scheme.hubStream()])
      await waitFor(
        `${stream} on three servers again`,
        async () => (await jsm.streams.info(stream)).cluster,
        (c) => !!c?.leader && c.replicas?.length === 2 && c.replicas.every((r) => r.current),
        { timeoutMs: 60_000, intervalMs: 250 },
      );
  });

  it('gives a stream made with one copy its three in place when an instance starts, keeping what it holds', async () => {
    const jsm = await nc.jetstreamManager();
    const stream = subjectScheme(mesh.root).hubStream();
    // As a hub of an earlier release (or STREAM_REPLICAS=1) left it, holding a message for a co-op.
    const one = await jsm.streams.update(stream, { ...(await jsm.streams.info(stream)).config, num_replicas: 1 });
    expect(one.config.num_replicas).toBe(1);
    await nc.jetstream().publish(subjectScheme(mesh.root).hubMessage('nobody-here', 'test.kept'), new Uint8Array([1]));
    const held = (await jsm.streams.info(stream)).state.messages;

    // A new instance in place of the one killed: its start brings the stream back in line.
    const again = await startHubInstance('A2');
    hubs.push(again);
    await healthy(again);
    const info = await waitFor(
      `${stream} with three current copies`,
      () => jsm.streams.info(stream),
      (i) => i.config.num_replicas === 3 && i.cluster?.replicas?.length === 2 && i.cluster.replicas.every((r) => r.current),
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(info.state.messages).toBe(held);
    expect(again.process.log).toMatch(/"msg":"updated stream limits".*"changed":\["num_replicas"\]/);
  });
});
