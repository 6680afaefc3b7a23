import { seedNode } from '../../apps/local-coop-node/src/bootstrap';
import { TestMesh } from './mesh';
import { waitFor } from './wait-for';

/** The quarter before this one, e.g. 2026-Q2: the period a cycle asks returns for. */
export function lastQuarter(now = new Date()): string {
  const q = Math.floor(now.getUTCMonth() / 3);
  return q === 0 ? `${now.getUTCFullYear() - 1}-Q4` : `${now.getUTCFullYear()}-Q${q}`;
}

/**
 * A published report release built the way test/e2e/reporting-report.e2e-spec.ts builds one: real
 * nodes with seeded records send their returns, consortium staff approve them and publish. With the
 * default seeds, some small counts are suppressed. The hub must be started.
 */
export async function publishedRelease(
  mesh: TestMesh,
  coops: readonly string[],
  seedBase = 40,
): Promise<{ cycleId: string; period: string }> {
  const staff = mesh.hub().as('consortium-staff');
  const { cycleId, period } = await submittedReturns(mesh, coops, seedBase);
  const submissions = (await staff.get(`/reporting/cycles/${cycleId}/submissions`).expect(200)).body as {
    coopId: string;
    current: boolean;
    messageId: string;
  }[];
  for (const s of submissions.filter((s) => s.current)) {
    await staff.post(`/reporting/cycles/${cycleId}/coops/${s.coopId}/approval`).send({ messageId: s.messageId }).expect(201);
  }
  await staff.post(`/reporting/cycles/${cycleId}/releases`).expect(201);
  return { cycleId, period };
}

/**
 * A cycle opened for last quarter, with every co-op's return submitted from its real node (seeded
 * records) and received on the hub, none reviewed yet. The hub must be started.
 */
export async function submittedReturns(
  mesh: TestMesh,
  coops: readonly string[],
  seedBase = 40,
): Promise<{ cycleId: string; period: string }> {
  const staff = mesh.hub().as('consortium-staff');
  for (const [i, coop] of coops.entries()) {
    await mesh.provision(coop);
    await seedNode(mesh.nodeConfig(coop), seedBase + i);
    await mesh.startNode(coop);
  }
  await waitFor(
    'the co-ops registered',
    async () => (await staff.get('/coops')).body,
    (b) => b.items?.filter((c: { localities: string[] }) => c.localities.length > 0).length === coops.length,
  );
  const period = lastQuarter();
  const dueAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const cycleId: string = (await staff.post('/reporting/cycles').send({ period, dueAt }).expect(201)).body.id;
  for (const coop of coops) {
    const admin = mesh.node(coop).as('coop-admin');
    await waitFor(
      'the request on the node',
      async () => (await admin.get('/reporting/requests')).body,
      (r) => r[0]?.cycleId === cycleId,
    );
    await admin.post(`/reporting/requests/${cycleId}/submission`).expect(202);
  }
  await waitFor(
    'the returns on the hub',
    async () => (await staff.get(`/reporting/cycles/${cycleId}/completeness`)).body,
    (c) => c.submitted === coops.length,
  );
  return { cycleId, period };
}
