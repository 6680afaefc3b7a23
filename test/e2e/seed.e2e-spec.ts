import { seedNode } from '../../apps/local-coop-node/src/bootstrap';
import { TestMesh } from '../support/mesh';

/** `npm run seed`: a believable co-op, the same every time for the same seed number. */
describe('sample data', () => {
  const mesh = new TestMesh();
  afterAll(() => mesh.dispose());

  const snapshot = (coop: string) =>
    mesh.nodeQuery(
      coop,
      `SELECT (SELECT json_agg(x ORDER BY x.member_number) FROM (SELECT member_number, stakeholder_class, full_name, admitted_on, withdrawn_on FROM member) x) AS members,
              (SELECT json_agg(x ORDER BY x.title) FROM (SELECT title, result FROM ballot) x) AS ballots`,
    );

  it('fills a node deterministically from a seed number, and another seed gives another co-op', async () => {
    const a = await seedNode(mesh.nodeConfig('seed-a'), 42);
    const b = await seedNode(mesh.nodeConfig('seed-b'), 42);
    const c = await seedNode(mesh.nodeConfig('seed-c'), 7);
    expect(a).toEqual(b);
    expect(await snapshot('seed-a')).toEqual(await snapshot('seed-b'));
    expect(await snapshot('seed-c')).not.toEqual(await snapshot('seed-a'));
    expect(a.members).toBeGreaterThanOrEqual(40);
    expect(a.ballots).toBeGreaterThanOrEqual(3);
  });

  it('gives every class members, a board that fits the rulebook, and past ballots with final results', async () => {
    const byClass = await mesh.nodeQuery<{ stakeholder_class: string; n: number }>('seed-a', 'SELECT stakeholder_class, count(*)::int AS n FROM member WHERE withdrawn_on IS NULL GROUP BY 1 ORDER BY 1');
    expect(byClass.map((r) => r.stakeholder_class)).toEqual(['community-supporter', 'service-user-or-family', 'volunteer', 'worker']);
    await mesh.startNode('seed-a');
    const admin = `Bearer ${mesh.nodeToken('seed-a', 'coop-admin')}`;
    const board = (await mesh.nodeHttp('seed-a').get('/board').set('Authorization', admin).expect(200)).body;
    expect(board.seats.length).toBe(board.totalSeats - board.vacancies);
    const closed = (await mesh.nodeHttp('seed-a').get('/ballots?state=closed').set('Authorization', admin).expect(200)).body;
    expect(closed.items.every((b: { result: object | null }) => b.result !== null)).toBe(true);
    const shares = await mesh.nodeQuery<{ bad: number }>(
      'seed-a',
      `SELECT count(*)::int AS bad FROM (SELECT m.id, sum(CASE WHEN s.kind = 'purchase' THEN s.amount_pence ELSE -s.amount_pence END) AS held
         FROM member m JOIN share_transaction s ON s.member_id = m.id WHERE m.withdrawn_on IS NULL GROUP BY m.id) h WHERE h.held < 100 OR h.held > 10000000`,
    );
    expect(shares[0].bad).toBe(0);
  });

  it('refuses a node that already has members', async () => {
    await expect(seedNode(mesh.nodeConfig('seed-b'), 1)).rejects.toThrow(/already has \d+ members/);
  });
});
