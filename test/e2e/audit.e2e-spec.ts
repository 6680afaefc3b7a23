import { aMember } from '../support/builders';
import { TestMesh } from '../support/mesh';

/** Who did what and when, on a node and on the hub; the app's own database user cannot rewrite it. */
describe('audit trail', () => {
  const mesh = new TestMesh();
  const COOP = 'lindley';
  const admin = mesh.node(COOP).as('coop-admin');

  beforeAll(async () => {
    await mesh.startHub();
    await mesh.startNode(COOP);
  });
  afterAll(() => mesh.dispose());

  it('records each change on a node with the actor, the route and the object, never the body', async () => {
    const m = (
      await admin
        .post('/members')
        .send(aMember({ fullName: 'Secret Name' }))
        .expect(201)
    ).body;
    await mesh.node(COOP).as('member', m.id).patch(`/members/${m.id}`).send({ phone: '01484 111111' }).expect(200);
    await admin.post(`/members/${m.id}/shares`).send({ kind: 'withdrawal', amountPence: 50 }).expect(409);
    const trail = (await admin.get('/audit?action=/members').expect(200)).body.items;
    expect(trail.slice(0, 3).map((e: Record<string, unknown>) => [e.actor, e.action, e.target, e.outcome, e.status])).toEqual([
      ['coop-admin:test-coop-admin', 'POST /members/:id/shares', `id=${m.id}`, 'refused', 409],
      [`member:${m.id}`, 'PATCH /members/:id', `id=${m.id}`, 'succeeded', 200],
      ['coop-admin:test-coop-admin', 'POST /members', null, 'succeeded', 201],
    ]);
    const text = JSON.stringify(await mesh.nodeQuery(COOP, 'SELECT * FROM audit_event'));
    expect(text).not.toContain('Secret Name');
    expect(text).not.toContain('01484 111111');
  });

  describe('in the same transaction as the change', () => {
    const admit = (fullName: string, correlationId: string) =>
      admin.post('/members').set('X-Correlation-Id', correlationId).send(aMember({ fullName }));
    const auditRows = (correlationId: string) =>
      mesh.nodeQuery<{ outcome: string; status: number; xmin: string }>(
        COOP,
        'SELECT outcome, status, xmin::text FROM audit_event WHERE correlation_id = $1 ORDER BY id',
        [correlationId],
      );
    const membersNamed = (fullName: string) =>
      mesh.nodeQuery<{ xmin: string }>(COOP, 'SELECT xmin::text FROM member WHERE full_name = $1', [fullName]);

    afterAll(async () => {
      await mesh.nodeQuery(COOP, 'DROP TRIGGER IF EXISTS tg_test_refuse_audit ON audit_event; DROP FUNCTION IF EXISTS test_refuse_audit()');
      await mesh.nodeQuery(
        COOP,
        'DROP TRIGGER IF EXISTS tg_test_refuse_at_commit ON member; DROP FUNCTION IF EXISTS test_refuse_at_commit()',
      );
    });

    it('commits the audit row with the change, by the same transaction, with the route status', async () => {
      await admit('Same Transaction', 'audit-same-tx-0001').expect(201);
      const [member] = await membersNamed('Same Transaction');
      expect(await auditRows('audit-same-tx-0001')).toEqual([{ outcome: 'succeeded', status: 201, xmin: member.xmin }]);
    });

    it('audits an export read in a read-only transaction after the fact, and still answers it', async () => {
      const m = (await admit('Exported Person', 'audit-export-0000').expect(201)).body;
      await admin.get(`/members/${m.id}/export`).set('X-Correlation-Id', 'audit-export-0001').expect(200);
      expect((await auditRows('audit-export-0001')).map((r) => [r.outcome, r.status])).toEqual([['succeeded', 200]]);
    });

    it('records a refusal whose path carries a NUL character', async () => {
      await admin.patch('/members/a%00b').set('X-Correlation-Id', 'audit-nul-path-0001').send({ phone: '01484 000000' }).expect(400);
      expect((await auditRows('audit-nul-path-0001')).map((r) => [r.outcome, r.status])).toEqual([['refused', 400]]);
    });

    it('keeps no change whose audit row could not be written, and says so without claiming success', async () => {
      await mesh.nodeQuery(
        COOP,
        `CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.correlation_id = 'audit-refused-0001' AND NEW.outcome = 'succeeded' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$`,
      );
      await mesh.nodeQuery(
        COOP,
        'CREATE TRIGGER tg_test_refuse_audit BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION test_refuse_audit()',
      );
      const res = await admit('Unaudited Change', 'audit-refused-0001');
      expect(res.status).toBe(500);
      expect(await membersNamed('Unaudited Change')).toEqual([]);
      expect((await auditRows('audit-refused-0001')).map((r) => [r.outcome, r.status])).toEqual([['failed', 500]]);
    });

    it('leaves neither the change nor a success row when the commit itself fails after the audit row was written', async () => {
      await mesh.nodeQuery(
        COOP,
        `CREATE FUNCTION test_refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.full_name = 'Refused At Commit' THEN RAISE EXCEPTION 'refused at commit'; END IF; RETURN NULL; END $$`,
      );
      await mesh.nodeQuery(
        COOP,
        'CREATE CONSTRAINT TRIGGER tg_test_refuse_at_commit AFTER INSERT ON member DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_refuse_at_commit()',
      );
      const res = await admit('Refused At Commit', 'audit-at-commit-0001');
      expect(res.status).toBe(500);
      expect(await membersNamed('Refused At Commit')).toEqual([]);
      expect((await auditRows('audit-at-commit-0001')).map((r) => [r.outcome, r.status])).toEqual([['failed', 500]]);
    });
  });

  it('is readable by the admin only', async () => {
    await mesh.node(COOP).as('member', '00000000-0000-4000-8000-000000000000').get('/audit').expect(403);
    await mesh.hub().as('commissioner').get('/audit').expect(403);
  });

  it('records what the hub applied from each co-op, and changes made by consortium staff', async () => {
    await mesh.hub().as('consortium-staff').patch(`/coops/${COOP}/status`).send({ status: 'trading' }).expect(204);
    const trail = (await mesh.hub().as('consortium-staff').get('/audit').expect(200)).body.items;
    expect(trail.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['PATCH /coops/:id/status', 'message coop.registered v1']),
    );
    expect(trail.find((e: { action: string }) => e.action === 'message coop.registered v1')).toMatchObject({
      actor: `coop:${COOP}`,
      outcome: 'succeeded',
    });
  });

  it.each([
    ['UPDATE', `UPDATE audit_event SET actor = 'someone-else'`],
    ['DELETE', 'DELETE FROM audit_event'],
    ['TRUNCATE', 'TRUNCATE audit_event'],
  ])('refuses %s of the trail by the app database user, on node and hub', async (_op, sql) => {
    // Messages from the hub may still add events meanwhile: what must hold is that none already there changed.
    const trail = () => mesh.nodeQuery(COOP, 'SELECT * FROM audit_event ORDER BY id');
    const before = await trail();
    expect(before.length).toBeGreaterThan(0);
    await expect(mesh.nodeQuery(COOP, sql)).rejects.toThrow(/audit_event is append-only/);
    await expect(mesh.hubQuery(sql)).rejects.toThrow(/audit_event is append-only/);
    expect((await trail()).slice(0, before.length)).toEqual(before);
  });
});
