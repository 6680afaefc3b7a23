import { TestMesh } from '../support/mesh';

/**
 * Numbers JavaScript writes with an exponent (1e-7) in a field that allows a tenth: class-validator's
 * own decimal-places check threw a TypeError on them and the node answered 500. Now a 400 naming the
 * field, and nothing stored changes.
 */
describe('decimal input over HTTP', () => {
  const mesh = new TestMesh();
  const COOP = 'decimals';
  const admin = mesh.node(COOP).as('coop-admin');

  beforeAll(() => mesh.startNode(COOP));
  afterAll(() => mesh.dispose());

  it('refuses miles of 1e-7 on an expense claim with 400 naming the field, and stores nothing', async () => {
    const volunteer = (await admin.post('/volunteers').send({ fullName: 'Val Hirst', joinedOn: '2025-01-06' }).expect(201)).body;
    const claim = (miles: unknown) =>
      admin
        .post(`/volunteers/${volunteer.id}/expenses`)
        .send({ kind: 'mileage', miles, incurredOn: '2025-02-03', description: 'To a befriending visit' });
    for (const miles of [1e-7, 1.5e-7, 12.25, 0.1 + 0.2]) {
      const res = await claim(miles);
      expect({ miles, status: res.status }).toEqual({ miles, status: 400 });
      expect(res.body.message).toContain('miles must be a number with at most 1 decimal place');
    }
    expect((await claim(1e21)).body.message).toContain('miles must not be greater than 10000');
    expect((await admin.get('/expenses').expect(200)).body.total).toBe(0);
    await claim(12.3).expect(201);
  });

  it('refuses a board cap of 1e-7 in PUT /rulebook with 400 naming the field, and adopts nothing', async () => {
    const before = (await admin.get('/rulebook').expect(200)).body;
    const board = before.rulebook.board.map((b: object, i: number) => (i === 0 ? { ...b, capPercent: 1e-7 } : b));
    const res = await admin.put('/rulebook').send({ rulebook: { ...before.rulebook, template: 'custom', board } });
    expect(res.status).toBe(400);
    expect(res.body.message.join()).toMatch(/rulebook\.board\.0\.capPercent must be a number with at most 1 decimal place/);
    expect((await admin.get('/rulebook')).body.version).toBe(before.version);
  });
});
