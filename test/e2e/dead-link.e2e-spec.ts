import { NatsLink } from '@app/federation';

import { BlackHoleProxy } from '../support/black-hole-proxy';
import { TestMesh } from '../support/mesh';
import { waitFor } from '../support/wait-for';

/**
 * A link that dies without closing (packets dropped, no FIN, no RST): the NATS client believes it is
 * connected until its pings go unanswered long enough, which took 29 s. /ready and the federation
 * status must say NATS is down within about a heartbeat interval, and the link must come back by
 * itself once packets flow again.
 */
describe('a silently dead NATS link', () => {
  const mesh = new TestMesh();
  const COOP = 'quiet-link';
  const HEARTBEAT_INTERVAL_MS = 2000;
  /** "Within 1.5 heartbeat intervals". */
  const NOTICED_WITHIN_MS = 1.5 * HEARTBEAT_INTERVAL_MS;
  let hubProxy: BlackHoleProxy;
  let nodeProxy: BlackHoleProxy;
  const staff = mesh.hub().as('consortium-staff');
  const admin = mesh.node(COOP).as('coop-admin');
  const nodeReady = async () => (await mesh.nodeHttp(COOP).get('/ready')).status;
  const hubReady = async () => (await mesh.hubHttp().get('/ready')).status;
  const nodeStatus = async () => (await admin.get('/federation/status')).body;
  const hubStatus = async () => (await staff.get('/federation/status')).body;

  beforeAll(async () => {
    hubProxy = await BlackHoleProxy.start(mesh.natsUrl);
    nodeProxy = await BlackHoleProxy.start(mesh.natsUrl);
    const timing = { HEARTBEAT_INTERVAL_MS: String(HEARTBEAT_INTERVAL_MS) };
    await mesh.startHub({ ...timing, HEARTBEAT_TIMEOUT_MS: String(3 * HEARTBEAT_INTERVAL_MS), NATS_URL: hubProxy.url });
    await mesh.startNode(COOP, { ...timing, NATS_URL: nodeProxy.url });
    await waitFor(
      'the co-op registered and online',
      async () => (await staff.get(`/coops/${COOP}`)).body,
      (c) => c.connectivity === 'online' && c.localities?.length > 0,
    );
    await waitFor(
      'both ready',
      async () => [await hubReady(), await nodeReady()],
      (s) => s[0] === 200 && s[1] === 200,
    );
  });

  afterAll(async () => {
    await mesh.dispose();
    await hubProxy?.close();
    await nodeProxy?.close();
  });

  /** How long after `since` a condition first held, polling every 50 ms. */
  async function noticedAfter<T>(
    what: string,
    since: number,
    probe: () => Promise<T>,
    accept: (v: T) => boolean,
    timeoutMs: number,
  ): Promise<number> {
    await waitFor(what, probe, accept, { timeoutMs, intervalMs: 50 });
    return Date.now() - since;
  }

  it("is noticed on the node within one and a half heartbeat intervals, and the hub's link stays up", async () => {
    const since = Date.now();
    nodeProxy.blackHole();
    const elapsed = await noticedAfter('the node to report NATS down on /ready', since, nodeReady, (s) => s === 503, 10_000);
    const status = await nodeStatus();
    expect({ elapsed, natsConnected: status.natsConnected, nats: status.nats.status }).toEqual({
      elapsed: expect.any(Number),
      natsConnected: false,
      nats: 'down',
    });
    expect(elapsed).toBeLessThanOrEqual(NOTICED_WITHIN_MS);
    expect((await mesh.nodeHttp(COOP).get('/ready')).body.error?.nats).toMatchObject({ status: 'down', reason: expect.any(String) });
    expect(await hubReady()).toBe(200);
  });

  it('recovers by itself once packets flow again: ready, and heartbeats reach the hub', async () => {
    const restoredAt = new Date();
    nodeProxy.restore();
    await waitFor('the node ready again', nodeReady, (s) => s === 200, { timeoutMs: 15_000 });
    expect((await nodeStatus()).nats).toMatchObject({ status: 'up', lastProbeOk: true });
    await waitFor(
      'a heartbeat sent after the link came back',
      () => mesh.hubQuery<{ at: Date }>('SELECT last_heartbeat_at AS at FROM coop WHERE id = $1', [COOP]),
      (rows) => rows[0]?.at > restoredAt,
      { timeoutMs: 15_000 },
    );
  });

  it("is noticed on the hub too, and the hub's link recovers", async () => {
    const since = Date.now();
    hubProxy.blackHole();
    const elapsed = await noticedAfter('the hub to report NATS down on /ready', since, hubReady, (s) => s === 503, 10_000);
    expect((await hubStatus()).nats.status).toBe('down');
    expect(elapsed).toBeLessThanOrEqual(NOTICED_WITHIN_MS);
    hubProxy.restore();
    await waitFor('the hub ready again', hubReady, (s) => s === 200, { timeoutMs: 15_000 });
    expect((await hubStatus()).nats).toMatchObject({ status: 'up', lastProbeOk: true });
  });

  it("is noticed when the connection's reader dies, however that happens, and the link comes back", async () => {
    // The failure the hub once had: a callback that throws inside the client's reader loop ends the
    // loop, while the socket stays open and the client believes it is connected.
    const nc = mesh.hubApp!.get(NatsLink).connection!;
    const subject = `${mesh.root}.test.reader-killer`;
    const killer = nc.subscribe(subject, {
      callback: () => {
        throw new TypeError('a callback that throws');
      },
    });
    await nc.flush();
    const since = Date.now();
    nc.publish(subject, new Uint8Array([1]));
    // The hub may notice and reconnect within milliseconds, too briefly for /ready to be caught saying 503:
    // the link's own record of when it was last found down (shown on the federation status) is the evidence.
    const status = await waitFor(
      'the hub to find its NATS link down',
      async () => (await hubStatus()).nats as { lastLostAt: string | null; lastLostReason: string | null },
      (nats) => nats.lastLostAt !== null && Date.parse(nats.lastLostAt) >= since,
      { timeoutMs: 10_000, intervalMs: 50 },
    );
    const lostAt = Date.parse(status.lastLostAt!);
    expect(lostAt - since).toBeLessThanOrEqual(NOTICED_WITHIN_MS);
    killer.unsubscribe();
    await waitFor('the hub ready again, with a new reader', hubReady, (s) => s === 200, { timeoutMs: 15_000 });
    const restoredAt = new Date();
    await waitFor(
      'a heartbeat heard after the reconnection',
      () => mesh.hubQuery<{ at: Date }>('SELECT last_heartbeat_at AS at FROM coop WHERE id = $1', [COOP]),
      (rows) => rows[0]?.at > restoredAt,
      { timeoutMs: 15_000 },
    );
  });
});
