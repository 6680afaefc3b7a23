import request from 'supertest';

import { AppProcess, freePort } from '../support/app-process';
import { aMember } from '../support/builders';
import { TestMesh } from '../support/mesh';
import { waitFor } from '../support/wait-for';

/**
 * A member's personal data never reaches the node's log, even when the database refuses the
 * statement that carries it. The node runs as its own process and every byte it writes is read.
 */
describe('no personal data in the logs', () => {
  const mesh = new TestMesh();
  const COOP = 'quiet-logs';
  const PERSON = {
    fullName: 'Adaline Quintessa Marchbanks',
    email: 'adaline.marchbanks@example.org',
    phone: '01484 765432',
    address: '17 Wimpole Fold, Slaithwaite',
    dateOfBirth: '1948-07-19',
  };
  let node: AppProcess;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    mesh.nodeConfig(COOP); // registers the node's database for dispose()
    node = new AppProcess('local-coop-node', {
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      AUTH_PUBLIC_KEY: mesh.authKeysOf(COOP).AUTH_PUBLIC_KEY,
      NATS_URL: mesh.natsUrl,
      NATS_SUBJECT_ROOT: mesh.root,
      COOP_ID: COOP,
      COOP_NAME: 'Quiet Logs Care Co-op',
      COOP_LOCALITIES: 'Marsden',
      DB_NAME: mesh.nodeDb(COOP),
      NATS_NKEY_SEED: mesh.seedOf(COOP),
      HUB_PUBLIC_KEY: mesh.hubSigner.publicKey,
    });
    await waitFor(
      'the node to answer',
      async () => (await request(`http://127.0.0.1:${port}`).get('/health')).status,
      (s) => s === 200,
      { timeoutMs: 90_000, intervalMs: 250 },
    );
  }, 120_000);

  afterAll(async () => {
    await node?.stop();
    await mesh.dispose();
  });

  it('logs a statement the database refused by its SQLSTATE and first words, never its values', async () => {
    // The database refuses the row and, like PostgreSQL's own messages often do, repeats values in its error.
    await mesh.nodeQuery(
      COOP,
      `CREATE FUNCTION test_refuse_member() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused % <%> % % %', NEW.full_name, NEW.email, NEW.phone, NEW.address, NEW.date_of_birth; END $$`,
    );
    await mesh.nodeQuery(
      COOP,
      'CREATE TRIGGER tg_test_refuse_member BEFORE INSERT ON member FOR EACH ROW EXECUTE FUNCTION test_refuse_member()',
    );
    const token = mesh.nodeToken(COOP, 'coop-admin');

    const res = await request(`http://127.0.0.1:${port}`).post('/members').set('Authorization', `Bearer ${token}`).send(aMember(PERSON));

    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toContain('Marchbanks');
    const log = await waitFor(
      'the failed request in the log',
      () => node.log,
      (text) => /"statusCode":500/.test(text) && /query failed/.test(text),
      { timeoutMs: 15_000 },
    );
    for (const value of [...Object.values(PERSON), 'Adaline', 'Marchbanks', 'adaline', '765432', 'Wimpole', '1948'])
      expect(log).not.toContain(value);
    const failure = log.split('\n').find((line) => line.includes('query failed'))!;
    expect(JSON.parse(failure)).toMatchObject({ reason: 'database error P0001 (PL/pgSQL error)', statement: 'INSERT INTO member' });
  });
});
