import { Fleet } from '../../scripts/fleet/fleet';
import { TestMesh } from '../support/mesh';
import { waitFor } from '../support/wait-for';

/**
 * Correctness at a consortium's size, on the real servers: a hub and a fleet of simulated nodes
 * (scripts/fleet), each with its own key, NATS connection, subjects and durable consumer. 250 co-ops,
 * not 1,000: the whole suite then runs in about a minute and a half on a 2-core machine (four minutes
 * while a 1,000-co-op benchmark runs beside it, hence the generous deadlines), and nothing here
 * changes with the count but time. `npm run bench` (P3, P6, P7) runs the fleet at 1,000 and reports
 * how fast; this checks only that nothing is lost, doubled or left out.
 */
describe('a fleet of co-ops', () => {
  const COOPS = 250;
  const SILENT = 10;
  const BACKLOG_PER_COOP = 4;
  let mesh: TestMesh;
  let fleet: Fleet;
  // Long enough that a busy machine never shows a beating node offline for a moment.
  const HUB = { HEARTBEAT_TIMEOUT_MS: '30000', INBOX_ACK_WAIT_MS: '10000' };

  const staff = () => mesh.hub().as('consortium-staff');

  beforeAll(async () => {
    mesh = new TestMesh();
    await mesh.startHub(HUB);
    fleet = await Fleet.provision(mesh.hubConfig(), { coops: COOPS, prefix: `fleet${mesh.id}`.slice(0, 20), silent: SILENT });
    await fleet.connect();
    await fleet.start({ heartbeatMs: 2000 });
  }, 240_000);

  afterAll(async () => {
    await fleet?.stop();
    await mesh?.dispose();
  }, 60_000);

  it('has every co-op registered and online', async () => {
    await waitFor(
      'every co-op to have the answer to its registration',
      () => fleet.registered(),
      (n) => n === COOPS,
      { timeoutMs: 180_000, intervalMs: 500 },
    );
    const online = await waitFor(
      'every co-op online in the registry',
      async () => (await staff().get(`/coops?connectivity=online&limit=1`)).body.total,
      (total) => total === COOPS,
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    expect(online).toBe(COOPS);
    expect(fleet.totals()).toMatchObject({ refused: 0, receipts: { rejected: 0 } });
  }, 240_000);

  it('counts every live answer and names every silent co-op', async () => {
    const res = await staff().post('/live-questions/spare-care-hours', { deadlineMs: 15000 }).expect(200);
    const replied = new Set(res.body.replied.map((r: { coopId: string }) => r.coopId));
    expect(res.body.asked).toHaveLength(COOPS);
    expect(replied.size).toBe(COOPS - SILENT);
    for (const node of fleet.live) expect(replied.has(node.coopId)).toBe(true);
    expect(res.body.notReplied.map((n: { coopId: string }) => n.coopId).sort()).toEqual(fleet.silent.map((n) => n.coopId).sort());
    expect(new Set(res.body.notReplied.map((n: { reason: string }) => n.reason))).toEqual(new Set(['no-answer-in-time']));
    expect(res.body.ignored).toBe(0);
  }, 60_000);

  it('drains a backlog published while the hub was down, nothing lost or applied twice', async () => {
    await mesh.stopHub();
    const ids = await fleet.publishBacklog(BACKLOG_PER_COOP);
    expect(new Set(ids).size).toBe(COOPS * BACKLOG_PER_COOP);
    await mesh.startHub(HUB);
    await waitFor(
      'a receipt for every message of the backlog',
      () => fleet.totals().unconfirmed,
      (n) => n === 0,
      { timeoutMs: 180_000, intervalMs: 500 },
    );
    const [inbox] = await mesh.hubQuery<{ rows: string; ids: string; applied: string }>(
      `SELECT count(*) AS rows, count(DISTINCT message_id) AS ids, count(*) FILTER (WHERE outcome = 'applied') AS applied
         FROM inbox_message WHERE message_id = ANY($1::uuid[])`,
      [ids],
    );
    expect(inbox).toEqual({ rows: String(ids.length), ids: String(ids.length), applied: String(ids.length) });
    // Applied once each: one audit row a message, however often it was delivered.
    const [audit] = await mesh.hubQuery<{ n: string; targets: string }>(
      `SELECT count(*) AS n, count(DISTINCT target) AS targets FROM audit_event WHERE target = ANY($1::text[])`,
      [ids.map((id) => `message=${id}`)],
    );
    expect(audit).toEqual({ n: String(ids.length), targets: String(ids.length) });
    expect(fleet.totals()).toMatchObject({ refused: 0, receipts: { applied: COOPS * (1 + BACKLOG_PER_COOP), rejected: 0 } });
  }, 240_000);
});
