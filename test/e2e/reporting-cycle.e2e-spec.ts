import { connect, NatsConnection, Subscription } from 'nats';
import { DataSource } from 'typeorm';

import { REPORTING_RETURN_SUBMITTED_V1 } from '@app/contracts';
import { OutboxRelay, OutboxService } from '@app/federation';

import { seedNode } from '../../apps/local-coop-node/src/bootstrap';
import { TestMesh } from '../support/mesh';
import { waitFor } from '../support/wait-for';

/** A return cycle end to end: the hub asks, each node computes and sends aggregates, the hub keeps them. */
describe('return cycles', () => {
  const mesh = new TestMesh();
  const COOPS = ['marsden', 'meltham'];
  const staff = mesh.hub().as('consortium-staff');
  const admin = (coop: string) => mesh.node(coop).as('coop-admin');
  const traffic: { subject: string; text: string }[] = [];
  let tap: NatsConnection;
  let sub: Subscription;
  let cycleId: string;

  /** The last complete calendar quarter. */
  const lastQuarter = () => {
    const now = new Date();
    const q = Math.floor(now.getUTCMonth() / 3);
    return q === 0 ? `${now.getUTCFullYear() - 1}-Q4` : `${now.getUTCFullYear()}-Q${q}`;
  };

  beforeAll(async () => {
    // Everything that crosses NATS for this mesh, captured to check that nothing personal does.
    tap = await connect({ servers: mesh.natsUrl });
    sub = tap.subscribe(`${mesh.root}.>`, {
      callback: (_e, m) => traffic.push({ subject: m.subject, text: Buffer.from(m.data).toString('utf8') }),
    });
    await mesh.startHub();
    for (const [i, coop] of COOPS.entries()) {
      await mesh.provision(coop);
      await seedNode(mesh.nodeConfig(coop), 10 + i);
      await mesh.startNode(coop);
    }
    await waitFor(
      'both co-ops registered',
      async () => (await staff.get('/coops')).body,
      (b) => b.items?.filter((c: { localities: string[] }) => c.localities.length > 0).length === 2,
    );
  });

  afterAll(async () => {
    sub?.unsubscribe();
    await tap?.close();
    await mesh.dispose();
  });

  it('opens a cycle and asks every registered co-op, through the durable path', async () => {
    const res = await staff
      .post('/reporting/cycles')
      .send({ period: lastQuarter(), dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString() })
      .expect(201);
    cycleId = res.body.id;
    expect(res.body.asked).toEqual(COOPS);
    for (const coop of COOPS) {
      await waitFor(
        `${coop} to hold the request`,
        async () => (await admin(coop).get('/reporting/requests')).body,
        (r) => r[0]?.cycleId === cycleId,
      );
    }
    const again = await staff
      .post('/reporting/cycles')
      .send({ period: lastQuarter(), dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString() })
      .expect(409);
    expect(again.body.code).toBe('REPORTING.CYCLE_EXISTS');
  });

  it("receives each node's return, equal to what the node computes from its own records", async () => {
    for (const coop of COOPS) await admin(coop).post(`/reporting/requests/${cycleId}/submission`).expect(202);
    const done = await waitFor(
      'both returns on the hub',
      async () => (await mesh.hub().as('commissioner').get(`/reporting/cycles/${cycleId}/completeness`).expect(200)).body,
      (c) => c.submitted === 2,
    );
    expect(done).toMatchObject({ asked: 2, late: 0, notAnswered: 0 });
    const received = (await staff.get(`/reporting/cycles/${cycleId}/submissions`).expect(200)).body;
    for (const coop of COOPS) {
      const preview = (await admin(coop).get(`/reporting/returns/preview?period=${lastQuarter()}`).expect(200)).body;
      const onHub = received.find((s: { coopId: string; current: boolean }) => s.coopId === coop && s.current);
      expect(onHub.figures.figures).toEqual(preview.outgoing.return.figures);
      const people = preview.figures.figures.find(
        (f: { metric: string; breakdown: null }) => f.metric === 'people_supported' && f.breakdown === null,
      );
      const [{ n }] = await mesh.nodeQuery<{ n: number }>(
        coop,
        `SELECT count(*)::int AS n FROM service_user WHERE started_on <= $1 AND (ended_on IS NULL OR ended_on >= $2)`,
        [preview.figures.period.end, preview.figures.period.start],
      );
      expect(people.value).toBe(n);
    }
  });

  it('keeps the history when a co-op resubmits; the latest is current', async () => {
    await admin(COOPS[0]).post(`/reporting/requests/${cycleId}/submission`).expect(202);
    const mine = await waitFor(
      'the resubmission',
      async () =>
        (
          (await staff.get(`/reporting/cycles/${cycleId}/submissions`)).body as {
            coopId: string;
            current: boolean;
          }[]
        ).filter((s) => s.coopId === COOPS[0]),
      (s) => s.length === 2,
    );
    expect(mine.map((s) => s.current).sort()).toEqual([false, true]);
  });

  it('refuses an invalid return back to the node with the reasons, and changes nothing on the hub', async () => {
    const before = (await staff.get(`/reporting/cycles/${cycleId}/submissions`)).body;
    const node = mesh.nodes.get(COOPS[1])!;
    const preview = (await admin(COOPS[1]).get(`/reporting/returns/preview?period=${lastQuarter()}`)).body.outgoing.return;
    const wrong = { ...preview, cycleId, period: { label: '2020-Q1', start: '2020-01-01', end: '2020-03-31' } };
    const sent = await node
      .get(DataSource)
      .transaction((m) => node.get(OutboxService).enqueue(m, REPORTING_RETURN_SUBMITTED_V1, wrong, {}));
    node.get(OutboxRelay).nudge();
    const [row] = await waitFor(
      'the rejection',
      () =>
        mesh.nodeQuery<{ status: string; last_error: string }>(COOPS[1], 'SELECT status, last_error FROM outbox_message WHERE id = $1', [
          sent.id,
        ]),
      (r) => r[0]?.status === 'rejected',
    );
    expect(row.last_error).toMatch(
      /REPORTING.WRONG_PERIOD: the cycle is for ccm-quarterly v\d \d{4}-Q\d, the return is for ccm-quarterly v\d 2020-Q1/,
    );
    expect((await staff.get(`/reporting/cycles/${cycleId}/submissions`)).body).toEqual(before);
  });

  it('sent nothing personal across NATS during the whole cycle', async () => {
    const names = new Set<string>();
    const ids = new Set<string>();
    for (const coop of COOPS) {
      for (const table of ['member', 'service_user', 'staff', 'volunteer']) {
        for (const r of await mesh.nodeQuery<{ id: string; full_name: string }>(coop, `SELECT id, full_name FROM ${table}`)) {
          ids.add(r.id);
          names.add(r.full_name);
        }
      }
    }
    const returns = traffic.filter((t) => t.subject.endsWith('reporting.return-submitted'));
    expect(returns.length).toBeGreaterThanOrEqual(3);
    for (const { subject, text } of traffic) {
      for (const id of ids) expect({ subject, leaks: text.includes(id) }).toEqual({ subject, leaks: false });
      for (const name of names) expect({ subject, leaks: text.includes(`"${name}"`) }).toEqual({ subject, leaks: false });
      expect(text).not.toMatch(/"(fullName|full_name|dateOfBirth|date_of_birth|address|email|phone|note|description)"\s*:/);
    }
  });
});
