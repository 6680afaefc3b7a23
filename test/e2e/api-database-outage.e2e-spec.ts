import { aMember } from '../support/builders';
import { TestMesh } from '../support/mesh';
import { queryDb } from '../support/test-database';
import { waitFor } from '../support/wait-for';

/** While a node's database refuses connections, its API says so (503, the database named), never 500, and recovers by itself. */
describe('database outage', () => {
  const mesh = new TestMesh();
  const COOP = 'outage';
  const admin = mesh.node(COOP).as('coop-admin');
  const db = mesh.nodeDb(COOP);
  const allowConnections = (allow: boolean) => queryDb('postgres', `ALTER DATABASE "${db}" ALLOW_CONNECTIONS ${allow}`);

  beforeAll(() => mesh.startNode(COOP));
  afterAll(async () => {
    await allowConnections(true);
    await mesh.dispose();
  });

  const admit = (name: string) => admin.post('/members').send(aMember({ fullName: name }));
  const members = () => mesh.nodeQuery<{ n: number }>(COOP, 'SELECT count(*)::int AS n FROM member').then(([r]) => r.n);

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After to reads and changes, and works again once the database is back', async () => {
    await admit('Before The Outage').expect(201);
    const before = await members();

    await allowConnections(false);
    try {
      await queryDb('postgres', 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [
        db,
      ]);
      for (const call of [() => admin.get('/members'), () => admit('During The Outage'), () => admin.get('/profile')]) {
        const res = await call();
        expect({ status: res.status, body: res.body }).toEqual({
          status: 503,
          body: { statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: 'the database is unavailable; try again shortly' },
        });
        expect(res.headers['retry-after']).toBe('5');
      }
      const ready = await mesh.nodeHttp(COOP).get('/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.error).toHaveProperty('database');
    } finally {
      await allowConnections(true);
    }

    await waitFor(
      'the node to read again',
      async () => (await admin.get('/members')).status,
      (s) => s === 200,
    );
    await admit('After The Outage').expect(201);
    expect(await members()).toBe(before + 1);
  });
});
