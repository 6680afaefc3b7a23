import { buildMessage, COOP_PROFILE_UPDATED_V1 } from '@app/contracts';

import { TestMesh } from '../support/mesh';
import { waitFor } from '../support/wait-for';

/** Injection strings and malformed values in every kind of text field: refused, or stored inert. */
const HOSTILE = [
  "Robert'); DROP TABLE member; --",
  "' OR '1'='1",
  '<script>alert("x")</script>',
  '{{7*7}} ${7*7} #{7*7}',
  '../../../../etc/passwd',
  '\\u0000 not a real nul',
  'Zoë Ångström 🌱 ß',
  'a'.repeat(120),
];

describe('hostile input', () => {
  const mesh = new TestMesh();
  const COOP = 'hostile';
  const admin = mesh.node(COOP).as('coop-admin');
  const staff = mesh.hub().as('consortium-staff');

  beforeAll(async () => {
    await mesh.startHub();
    await mesh.startNode(COOP);
  });
  afterAll(() => mesh.dispose());

  it.each(HOSTILE)('stores %j inert in a member record and gives it back unchanged', async (text) => {
    const res = await admin
      .post('/members')
      .send({ stakeholderClass: 'worker', fullName: text, address: text, initialSharesPence: 100 })
      .expect(201);
    const back = (await admin.get(`/members/${res.body.id}`).expect(200)).body;
    expect([back.fullName, back.address]).toEqual([text, text]);
    const [{ n }] = await mesh.nodeQuery<{ n: number }>(
      COOP,
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'member'",
    );
    expect(n).toBe(1);
  });

  it('treats injection in query parameters as plain text', async () => {
    const before = (await admin.get('/members?status=all&limit=500').expect(200)).body.total;
    const res = await admin.get(`/members?name=${encodeURIComponent("%' OR 1=1 --")}`).expect(200);
    expect(res.body.total).toBe(0);
    expect((await staff.get(`/coops?locality=${encodeURIComponent("x' OR '1'='1")}`).expect(200)).body.total).toBe(0);
    expect((await admin.get('/members?status=all&limit=500').expect(200)).body.total).toBe(before);
  });

  it('refuses a NUL character with 400 naming the field, instead of failing in the database', async () => {
    const res = await admin
      .post('/members')
      .send({ stakeholderClass: 'worker', fullName: 'Nul\u0000Name', initialSharesPence: 100 })
      .expect(400);
    expect(res.body.message).toEqual(['fullName must not contain NUL characters']);
    await admin.get(`/members?name=${encodeURIComponent('a\u0000b')}`).expect(400);
  });

  it.each([
    ['a number for a string', { fullName: 12345 }, /fullName must be a string/],
    ['an array for a string', { fullName: ['a', 'b'] }, /fullName must be a string/],
    ['an object for a number', { initialSharesPence: { $gt: 0 } }, /initialSharesPence must be an integer/],
    ['a string for a number', { initialSharesPence: '100' }, /initialSharesPence must be an integer/],
    ['a prototype-polluting key', JSON.parse('{"__proto__": {"admin": true}}'), /property __proto__ should not exist/],
  ])('refuses %s with 400 naming the field', async (_what, patch, message) => {
    const before = (await admin.get('/members/summary')).body;
    const res = await admin
      .post('/members')
      .send({ stakeholderClass: 'worker', fullName: 'Typed', initialSharesPence: 100, ...patch })
      .expect(400);
    expect(res.body.message.join('; ')).toMatch(message);
    expect((await admin.get('/members/summary')).body).toEqual(before);
  });

  it('stores hostile text arriving over NATS inert on the hub, and refuses a wrongly typed message', async () => {
    const node = mesh.nodes.get(COOP)!;
    const { OutboxService, OutboxRelay } = await import('@app/federation');
    const { DataSource } = await import('typeorm');
    const hostile = "Co-op'); DELETE FROM coop; --";
    await node.get(DataSource).transaction((m) =>
      node.get(OutboxService).enqueue(
        m,
        COOP_PROFILE_UPDATED_V1,
        {
          name: hostile,
          legalForm: 'community-benefit-society',
          localities: ['<b>Marsden</b>'],
          servicesOffered: [],
          nodeVersion: '1',
        },
        {},
      ),
    );
    node.get(OutboxRelay).nudge();
    const coop = await waitFor(
      'the hostile name on the hub',
      async () => (await staff.get(`/coops/${COOP}`)).body,
      (c) => c.name === hostile,
    );
    expect(coop.localities).toEqual(['<b>Marsden</b>']);
    expect((await mesh.hubQuery<{ n: number }>('SELECT count(*)::int AS n FROM coop'))[0].n).toBeGreaterThan(0);
    expect(() =>
      buildMessage(
        COOP_PROFILE_UPDATED_V1,
        { name: 42, legalForm: 'x', localities: 'Marsden', servicesOffered: [], nodeVersion: '1' } as never,
        { coopId: COOP },
      ),
    ).toThrow(/payload\.name.*must be.*string|payload\.localities/);
  });
});

describe('inputs that used to answer 500', () => {
  const mesh = new TestMesh();
  const COOP = 'formerly-500';
  const admin = mesh.node(COOP).as('coop-admin');
  const staff = mesh.hub().as('consortium-staff');
  const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

  beforeAll(async () => {
    await mesh.startHub();
    await mesh.startNode(COOP);
  });
  afterAll(() => mesh.dispose());

  it.each([
    ['without a rulebook', {}],
    ['with a list for the rulebook', { rulebook: [] }],
  ])('refuses PUT /rulebook %s, naming the field', async (_what, body) => {
    const res = await admin.put('/rulebook').send(body).expect(400);
    expect(res.body.message.join('; ')).toMatch(/^rulebook /);
  });

  it.each([
    [
      'an email',
      'POST',
      '/members',
      '{"stakeholderClass":"worker","fullName":"Surrogate","initialSharesPence":100,"email":"a\\ud800@example.org"}',
      'email',
    ],
    ['a name', 'POST', '/members', '{"stakeholderClass":"worker","fullName":"Half \\udc00 pair","initialSharesPence":100}', 'fullName'],
    ['a profile field sent to the hub', 'PATCH', '/profile', '{"registrationNumber":"\\ud800"}', 'registrationNumber'],
  ])('refuses half a surrogate pair in %s with 400 naming the field', async (_what, method, path, raw, field) => {
    const call = method === 'POST' ? mesh.nodeHttp(COOP).post(path) : mesh.nodeHttp(COOP).patch(path);
    const res = await call.set('Authorization', admin.authorization).set('Content-Type', 'application/json').send(raw).expect(400);
    expect(res.body.message).toEqual([`${field} must be well-formed Unicode (it holds half of a surrogate pair)`]);
  });

  it.each(['99999999999999999999', '9007199254740993', '1e300'])(
    'refuses offset=%s beyond the safe integer range, naming it',
    async (offset) => {
      const res = await admin.get(`/members?offset=${offset}`).expect(400);
      expect(res.body.message.join('; ')).toMatch(/offset/);
      await staff.get(`/coops?offset=${offset}`).expect(400);
    },
  );

  it.each(['0000-01', '0000-12'])('refuses month=%s (a year PostgreSQL has no date for), naming it', async (month) => {
    const res = await admin.get(`/care/continuity?month=${month}`).expect(400);
    expect(res.body.message.join('; ')).toMatch(/month must be a month/);
  });

  it('refuses a JSON body nested 5,000 levels deep with 400, on the hub and on a node', async () => {
    const node = await admin.post('/members').set('Content-Type', 'application/json').send(nested(5000)).expect(400);
    expect(JSON.stringify(node.body)).toMatch(/nested deeper than 32 levels/);
    await staff.post('/tenders').set('Content-Type', 'application/json').send(nested(5000)).expect(400);
    // Within the limit the body reaches validation, which names the unknown field.
    const shallow = await admin.post('/members').set('Content-Type', 'application/json').send(nested(30)).expect(400);
    expect(shallow.body.message.join('; ')).toMatch(/property a should not exist/);
  });
});

describe('errors from a route that answers CSV', () => {
  const mesh = new TestMesh();
  beforeAll(() => mesh.startHub());
  afterAll(() => mesh.dispose());

  it('are JSON naming the field, not a CSV download', async () => {
    const res = await mesh.hub().as('consortium-staff').get('/reporting/trends.csv?metric=').expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.body.message.join('; ')).toMatch(/metric/);
  });
});
