import { aMember } from '../support/builders';
import { TestMesh } from '../support/mesh';

/** Membership and the share register on a co-op node, with the rulebook's limits. */
describe('members and community shares', () => {
  const mesh = new TestMesh();
  const COOP = 'marsden';
  const admin = mesh.node(COOP).as('coop-admin');
  const asMember = (id: string) => mesh.node(COOP).as('member', id);
  const admit = (body: object) => admin.post('/members').send({ ...aMember({ fullName: 'Asha Patel' }), ...body });

  beforeAll(() => mesh.startNode(COOP));
  afterAll(() => mesh.dispose());

  it('starts with the UK multi-stakeholder rulebook as its founding rulebook', async () => {
    const res = await admin.get('/rulebook').expect(200);
    expect(res.body).toMatchObject({
      version: 1,
      adoptedBy: 'founding',
      rulebook: { template: 'uk-multi-stakeholder-cbs', shareMinimumPence: 100, quorumPercent: 10 },
    });
    const templates = await admin.get('/rulebook/templates').expect(200);
    expect(Object.keys(templates.body)).toEqual(['uk-multi-stakeholder-cbs', 'italian-type-a', 'italian-type-b']);
  });

  it('admits a member into one class with shares, one vote whatever the shares', async () => {
    const small = (await admit({ fullName: 'Asha Patel', email: 'asha@example.org', initialSharesPence: 100 }).expect(201)).body;
    const large = (await admit({ stakeholderClass: 'community-supporter', fullName: 'Tom Brook', initialSharesPence: 500_000 }).expect(201))
      .body;
    expect(small).toMatchObject({ stakeholderClass: 'worker', sharesPence: 100, votes: 1, withdrawnOn: null });
    expect(large).toMatchObject({ stakeholderClass: 'community-supporter', sharesPence: 500_000, votes: 1 });
    expect(large.memberNumber).toBe(small.memberNumber + 1);
  });

  it('refuses shares outside the rulebook limits, naming the rule, and stores nothing', async () => {
    const before = (await admin.get('/members/summary').expect(200)).body;
    const low = await admit({ initialSharesPence: 50 }).expect(409);
    expect(low.body).toMatchObject({
      code: 'MEMBERS.SHARES_BELOW_MINIMUM',
      message: expect.stringContaining("under the rulebook's minimum of 100p"),
    });
    const high = await admit({ initialSharesPence: 10_000_001 }).expect(409);
    expect(high.body.code).toBe('MEMBERS.SHARES_ABOVE_MAXIMUM');
    expect((await admin.get('/members/summary').expect(200)).body).toEqual(before);
  });

  it('buys and withdraws shares within the limits, never below the minimum', async () => {
    const m = (await admit({ fullName: 'Rosa Quinn', initialSharesPence: 1000 }).expect(201)).body;
    const bought = await admin.post(`/members/${m.id}/shares`).send({ kind: 'purchase', amountPence: 2500 }).expect(200);
    expect(bought.body.sharesPence).toBe(3500);
    await admin.post(`/members/${m.id}/shares`).send({ kind: 'withdrawal', amountPence: 3400 }).expect(200);
    const refused = await admin.post(`/members/${m.id}/shares`).send({ kind: 'withdrawal', amountPence: 1 }).expect(409);
    expect(refused.body.code).toBe('MEMBERS.SHARES_BELOW_MINIMUM');
    expect((await admin.get(`/members/${m.id}`).expect(200)).body.sharesPence).toBe(100);
  });

  it('lets a member see and change only their own record; another id is a 404', async () => {
    const a = (await admit({ fullName: 'Member A' }).expect(201)).body;
    const b = (await admit({ fullName: 'Member B' }).expect(201)).body;
    expect((await asMember(a.id).get('/members/me').expect(200)).body.id).toBe(a.id);
    await asMember(a.id).get(`/members/${a.id}`).expect(200);
    await asMember(a.id).get(`/members/${b.id}`).expect(404);
    await asMember(a.id).patch(`/members/${b.id}`).send({ phone: '01484 000000' }).expect(404);
    await asMember(a.id).get('/members').expect(403);
    const changed = await asMember(a.id).patch(`/members/${a.id}`).send({ phone: '01484 123456' }).expect(200);
    expect(changed.body.phone).toBe('01484 123456');
    expect((await admin.get(`/members/${b.id}`).expect(200)).body.phone).toBeNull();
    await asMember(a.id).patch(`/members/${a.id}`).send({ stakeholderClass: 'volunteer' }).expect(400);
    expect((await admin.patch(`/members/${a.id}`).send({ fullName: null }).expect(400)).body.message.join()).toMatch(
      /fullName must be a string/,
    );
  });

  it('withdraws a member, paying back every share, and refuses a second withdrawal', async () => {
    const m = (await admit({ fullName: 'Leaving Member', initialSharesPence: 2000 }).expect(201)).body;
    const gone = await asMember(m.id).post(`/members/${m.id}/withdrawal`).send({ reason: 'moving away' }).expect(200);
    expect(gone.body).toMatchObject({ sharesPence: 0, votes: 0, withdrawnOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    const again = await admin.post(`/members/${m.id}/withdrawal`).send({}).expect(409);
    expect(again.body.code).toBe('MEMBERS.ALREADY_WITHDRAWN');
    const active = await admin.get('/members?status=withdrawn').expect(200);
    expect(active.body.items.map((x: { id: string }) => x.id)).toContain(m.id);
  });

  it('lists members by class, paginated, and summarises them against the minimum', async () => {
    const page = await admin.get('/members?stakeholderClass=worker&limit=2&offset=0').expect(200);
    expect(page.body).toMatchObject({ limit: 2, offset: 0, total: expect.any(Number) });
    expect(page.body.items).toHaveLength(2);
    expect(page.body.items.every((m: { stakeholderClass: string }) => m.stakeholderClass === 'worker')).toBe(true);
    const summary = (await admin.get('/members/summary').expect(200)).body;
    expect(summary).toMatchObject({ minimumMembers: 3, meetsMinimum: true });
    expect(summary.active).toBe(Object.values(summary.byClass as Record<string, number>).reduce((a, b) => a + b, 0));
  });

  it('refuses bad input naming the field', async () => {
    const res = await admit({ stakeholderClass: 'shareholder', email: 'not-an-email', dateOfBirth: '31/12/1950', extra: 1 }).expect(400);
    const text = res.body.message.join('; ');
    for (const f of [
      'stakeholderClass must be one of',
      'email must be an email',
      'dateOfBirth must be a date',
      'property extra should not exist',
    ])
      expect(text).toContain(f);
    await admin.get('/members/not-a-uuid').expect(400);
  });
});
