import { connect, createInbox, NatsConnection } from 'nats';

import { SPARE_CARE_HOURS_V1, subjectScheme } from '@app/contracts';

import { TestMesh } from '../support/mesh';
import { Poison, poisons } from '../support/poison';
import { waitFor } from '../support/wait-for';

/**
 * Nothing a co-op (or anyone who can publish) sends can take a connection down: every kind of poison
 * on every subscription the hub and a node have, then normal traffic flows at once — a heartbeat is
 * recorded, a live question is answered by every node, a profile change reaches the registry and its
 * receipt comes back. (Before, `1e-7` made class-validator throw inside the subscription callback,
 * the client's reader loop died, and the hub heard nothing for half a minute.)
 */
describe('hostile messages on NATS', () => {
  const mesh = new TestMesh();
  const A = 'hostile-a';
  const B = 'hostile-b';
  const NODES = [A, B];
  /** Far below the 26–40 s the hub stayed deaf, with room for a busy test machine (4 s was once too little). */
  const AT_ONCE = { timeoutMs: 10_000, intervalMs: 50 };
  let nc: NatsConnection;
  let round = 0;
  const scheme = () => subjectScheme(mesh.root);
  const staff = mesh.hub().as('consortium-staff');
  const admin = (coop: string) => mesh.node(coop).as('coop-admin');
  const ask = (deadlineMs: number) => staff.post('/live-questions/spare-care-hours').send({ deadlineMs });

  beforeAll(async () => {
    await mesh.startHub();
    for (const coop of NODES) await mesh.startNode(coop);
    await waitFor(
      'both co-ops registered and online',
      async () => (await staff.get('/coops?connectivity=online')).body,
      (b) => b.items?.filter((c: { localities: string[] }) => c.localities.length > 0).length === 2,
    );
    nc = await connect({ servers: mesh.natsUrl });
  });

  afterAll(async () => {
    await nc?.close();
    await mesh.dispose();
  });

  /** A heartbeat from each node, a live question answered by both, a profile change each way: all at once. */
  async function trafficFlows(): Promise<void> {
    const since = new Date();
    await waitFor(
      'a heartbeat from each node recorded after the poison',
      () => mesh.hubQuery<{ n: number }>('SELECT count(*)::int AS n FROM coop WHERE last_heartbeat_at > $1', [since]),
      (rows) => rows[0].n === NODES.length,
      AT_ONCE,
    );
    const answered = await ask(AT_ONCE.timeoutMs - 500);
    expect(answered.status).toBe(200);
    expect(answered.body.replied.map((r: { coopId: string }) => r.coopId)).toEqual(NODES);
    round++;
    await Promise.all(
      NODES.map(async (coop) => {
        const name = `${coop} care co-op, round ${round}`;
        await admin(coop).patch('/profile').send({ name }).expect(200);
        await waitFor(
          `${coop}'s new name in the registry`,
          async () => (await staff.get(`/coops/${coop}`)).body.name,
          (n) => n === name,
          AT_ONCE,
        );
        await waitFor(
          `the hub's receipt for ${coop}'s change`,
          async () => (await admin(coop).get('/federation/status')).body.outbox,
          (o) => o && o.pending + o.published === 0,
          AT_ONCE,
        );
      }),
    );
    await mesh.hubHttp().get('/ready').expect(200);
    for (const coop of NODES) await mesh.nodeHttp(coop).get('/ready').expect(200);
  }

  async function onEach(deliver: (p: Poison) => Promise<void> | void): Promise<void> {
    for (const p of poisons(A)) await deliver(p);
    await nc.flush();
  }

  it('flows normally before any poison', trafficFlows);

  it("survives poison on the hub's heartbeat subscription", async () => {
    await onEach((p) => nc.publish(scheme().coopHeartbeat(A), p.data));
    await trafficFlows();
  });

  it("survives poison on the reply inbox of the hub's live question", async () => {
    // Answers every question with every poison, as a hostile co-op would on the reply subject.
    const sub = nc.subscribe(scheme().query(SPARE_CARE_HOURS_V1.name), {
      callback: (_e, m) => poisons(A).forEach((p) => m.respond(p.data)),
    });
    try {
      await nc.flush();
      const res = await ask(1500).expect(200);
      expect(res.body.ignored).toBeGreaterThanOrEqual(poisons(A).length);
    } finally {
      sub.unsubscribe();
    }
    await trafficFlows();
  });

  it("survives poison on the nodes' live question subscription", async () => {
    const inbox = createInbox();
    const replies = nc.subscribe(inbox);
    try {
      await onEach((p) => nc.publish(scheme().query(SPARE_CARE_HOURS_V1.name), p.data, { reply: inbox }));
      await trafficFlows();
      expect(replies.getReceived()).toBe(0);
    } finally {
      replies.unsubscribe();
    }
  });

  /** Into the stream; one over the stream's own size cap is refused by JetStream and never reaches a consumer. */
  const intoStream = async (subject: string, p: Poison) => {
    await nc
      .jetstream()
      .publish(subject, p.data)
      .catch((error: Error) => {
        if (!/message size exceeds maximum/.test(error.message)) throw error;
      });
  };

  it("survives poison on the hub's durable consumer", async () => {
    await onEach((p) => intoStream(scheme().coopMessage(A, 'coop.profile-updated'), p));
    await trafficFlows();
  });

  it("survives poison on a node's durable consumer", async () => {
    await onEach((p) => intoStream(scheme().hubMessage(A, 'registration.accepted'), p));
    await trafficFlows();
  });

  it('counts what it refused, by subscription and reason, on the federation status', async () => {
    const hub = (await staff.get('/federation/status').expect(200)).body;
    const refusedOn = (intake: { subscription: string; reason: string; count: number }[], subscription: string) =>
      intake.filter((r) => r.subscription === subscription).reduce((n, r) => n + r.count, 0);
    expect(refusedOn(hub.intake.refused, 'heartbeats')).toBeGreaterThanOrEqual(poisons(A).length);
    expect(refusedOn(hub.intake.refused, 'live-answers')).toBeGreaterThanOrEqual(poisons(A).length);
    expect(hub.intake.refused.map((r: { reason: string }) => r.reason)).toEqual(
      expect.arrayContaining(['invalid-payload', 'forbidden-key', 'too-deep', 'not-json', 'too-large', 'unexpected-type']),
    );
    expect(hub.nats).toMatchObject({ status: 'up' });
    for (const coop of NODES) {
      const node = (await admin(coop).get('/federation/status').expect(200)).body;
      expect(refusedOn(node.intake.refused, 'live-questions')).toBeGreaterThanOrEqual(poisons(A).length);
    }
  });
});
