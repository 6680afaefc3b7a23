import { TestMesh } from '../support/mesh';

/**
 * Every HTTP route and who may call it. The suite compares this table with the routes the apps
 * actually serve (their OpenAPI documents), so a new endpoint without a rule here fails it.
 */
const NODE_ROLES = ['coop-admin', 'member'] as const;
const HUB_ROLES = ['consortium-staff', 'commissioner', 'coop'] as const;
const PUBLIC = 'public';
const ADMIN = ['coop-admin'];
const ADMIN_OR_MEMBER = ['coop-admin', 'member'];
const MEMBER = ['member'];
const STAFF = ['consortium-staff'];
const HUB_ANY = ['consortium-staff', 'commissioner', 'coop'];

export const NODE_ROUTES: Record<string, string[] | typeof PUBLIC> = {
  'GET /health': PUBLIC,
  'GET /ready': PUBLIC,
  'GET /audit': ADMIN,
  'GET /profile': ADMIN_OR_MEMBER,
  'PATCH /profile': ADMIN,
  'GET /federation/status': ADMIN,
  'GET /rulebook': ADMIN_OR_MEMBER,
  'PUT /rulebook': ADMIN,
  'GET /rulebook/history': ADMIN_OR_MEMBER,
  'GET /rulebook/templates': ADMIN_OR_MEMBER,
  'POST /members': ADMIN,
  'GET /members': ADMIN,
  'GET /members/summary': ADMIN,
  'GET /members/me': MEMBER,
  'GET /members/{id}': ADMIN_OR_MEMBER,
  'PATCH /members/{id}': ADMIN_OR_MEMBER,
  'POST /members/{id}/withdrawal': ADMIN_OR_MEMBER,
  'POST /members/{id}/shares': ADMIN,
  'GET /members/me/export': MEMBER,
  'GET /members/{id}/export': ADMIN_OR_MEMBER,
  'POST /members/{id}/erasure': ADMIN,
  'POST /ballots': ADMIN,
  'GET /ballots': ADMIN_OR_MEMBER,
  'GET /ballots/{id}': ADMIN_OR_MEMBER,
  'POST /ballots/{id}/votes': MEMBER,
  'POST /ballots/{id}/close': ADMIN,
  'GET /board': ADMIN_OR_MEMBER,
  'PUT /board': ADMIN,
  'POST /staff': ADMIN,
  'GET /staff': ADMIN,
  'GET /staff/{id}': ADMIN,
  'PATCH /staff/{id}': ADMIN,
  'POST /staff/{id}/leaving': ADMIN,
  'POST /staff/{id}/training': ADMIN,
  'GET /staff/{id}/training': ADMIN,
  'POST /vacancies': ADMIN,
  'GET /vacancies': ADMIN,
  'GET /vacancies/{id}': ADMIN,
  'PATCH /vacancies/{id}': ADMIN,
  'GET /workforce/summary': ADMIN,
  'POST /service-users': ADMIN,
  'GET /service-users': ADMIN,
  'GET /service-users/{id}': ADMIN,
  'PATCH /service-users/{id}': ADMIN,
  'POST /service-users/{id}/care-plans': ADMIN,
  'GET /service-users/{id}/continuity': ADMIN,
  'GET /service-users/{id}/export': ADMIN,
  'POST /service-users/{id}/erasure': ADMIN,
  'GET /care-plans': ADMIN,
  'GET /care-plans/{id}': ADMIN,
  'POST /care-plans/{id}/review': ADMIN,
  'POST /visits': ADMIN,
  'GET /visits': ADMIN,
  'GET /visits/{id}': ADMIN,
  'PATCH /visits/{id}': ADMIN,
  'POST /visits/{id}/outcome': ADMIN,
  'GET /care/summary': ADMIN,
  'GET /care/continuity': ADMIN,
  'POST /volunteers': ADMIN,
  'GET /volunteers': ADMIN,
  'GET /volunteers/summary': ADMIN,
  'GET /volunteers/me': MEMBER,
  'GET /volunteers/{id}': ADMIN_OR_MEMBER,
  'POST /volunteers/{id}/departure': ADMIN,
  'POST /volunteers/{id}/paid-work': ADMIN,
  'POST /volunteers/{id}/hours': ADMIN_OR_MEMBER,
  'GET /volunteers/{id}/hours': ADMIN_OR_MEMBER,
  'POST /volunteers/{id}/expenses': ADMIN_OR_MEMBER,
  'GET /time-bank/accounts/{volunteerId}': ADMIN_OR_MEMBER,
  'POST /time-bank/transfers': ADMIN,
  'GET /time-bank/transfers': ADMIN,
  'GET /time-bank/summary': ADMIN,
  'GET /expenses': ADMIN_OR_MEMBER,
  'GET /expenses/{id}': ADMIN_OR_MEMBER,
  'POST /expenses/{id}/approval': ADMIN,
  'POST /expenses/{id}/rejection': ADMIN,
  'POST /expenses/{id}/payment': ADMIN,
  'GET /reporting/returns/preview': ADMIN,
  'GET /reporting/requests': ADMIN,
  'POST /reporting/requests/{cycleId}/submission': ADMIN,
  'GET /tendering/invitations': ADMIN,
  'GET /tendering/invitations/{tenderId}': ADMIN,
  'POST /tendering/invitations/{tenderId}/offers': ADMIN,
  'GET /tendering/contracts': ADMIN,
  'GET /purchasing/rounds': ADMIN,
  'GET /purchasing/rounds/{id}': ADMIN,
  'POST /purchasing/rounds/{id}/commitments': ADMIN,
};

export const HUB_ROUTES: Record<string, string[] | typeof PUBLIC> = {
  'GET /health': PUBLIC,
  'GET /ready': PUBLIC,
  'GET /audit': STAFF,
  'GET /coops': HUB_ANY,
  'GET /coops/{id}': HUB_ANY,
  'PATCH /coops/{id}/status': STAFF,
  'GET /federation/status': STAFF,
  'PUT /coops/{id}/sponsor': STAFF,
  'GET /coops/nats-authorization': STAFF,
  'POST /reporting/cycles': STAFF,
  'GET /reporting/cycles': ['consortium-staff', 'commissioner'],
  'GET /reporting/cycles/{id}/completeness': ['consortium-staff', 'commissioner'],
  'GET /reporting/cycles/{id}/submissions': STAFF,
  'POST /tenders': ['consortium-staff', 'commissioner'],
  'GET /tenders': ['consortium-staff', 'commissioner'],
  'GET /tenders/{id}': ['consortium-staff', 'commissioner'],
  'PATCH /tenders/{id}': STAFF,
  'PATCH /tenders/{id}/lots/{lotId}': STAFF,
  'POST /tenders/{id}/lots/{lotId}/split': STAFF,
  'POST /tenders/{id}/invitations': STAFF,
  'POST /tenders/{id}/assembly': STAFF,
  'POST /tenders/{id}/submission': STAFF,
  'POST /tenders/{id}/award': STAFF,
  'POST /tenders/{id}/cancellation': STAFF,
  'GET /tenders/{id}/ocds/tender': ['consortium-staff', 'commissioner'],
  'GET /tenders/{id}/ocds/award': ['consortium-staff', 'commissioner'],
  'POST /purchasing/catalogue': STAFF,
  'GET /purchasing/catalogue': STAFF,
  'PATCH /purchasing/catalogue/{id}': STAFF,
  'POST /purchasing/rounds': STAFF,
  'GET /purchasing/rounds': STAFF,
  'GET /purchasing/rounds/{id}': STAFF,
  'GET /purchasing/rounds/{id}/commitments': STAFF,
  'POST /purchasing/rounds/{id}/open': STAFF,
  'POST /purchasing/rounds/{id}/close': STAFF,
  'POST /purchasing/rounds/{id}/order': STAFF,
  'POST /purchasing/rounds/{id}/deliver': STAFF,
  'POST /purchasing/rounds/{id}/cancel': STAFF,
  'POST /reporting/cycles/{id}/coops/{coopId}/approval': STAFF,
  'POST /reporting/cycles/{id}/coops/{coopId}/send-back': STAFF,
  'POST /reporting/cycles/{id}/coops/{coopId}/exception': STAFF,
  'POST /reporting/cycles/{id}/releases': STAFF,
  'GET /reporting/cycles/{id}/releases': ['consortium-staff', 'commissioner'],
  'GET /reporting/cycles/{id}/report': ['consortium-staff', 'commissioner'],
  'GET /reporting/cycles/{id}/report.csv': ['consortium-staff', 'commissioner'],
  'GET /reporting/trends': ['consortium-staff', 'commissioner'],
  'GET /reporting/trends.csv': ['consortium-staff', 'commissioner'],
  'POST /live-questions/spare-care-hours': ['consortium-staff', 'commissioner'],
};

describe('route rules', () => {
  const mesh = new TestMesh();
  const COOP = 'route-rules';
  const SOME_ID = '0f0e0d0c-0b0a-4998-8776-655443322110';

  beforeAll(async () => {
    await mesh.startHub();
    await mesh.startNode(COOP);
  });
  afterAll(() => mesh.dispose());

  const routesOf = async (http: ReturnType<TestMesh['hubHttp']>) => {
    const doc = (await http.get('/docs/json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    return Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)).sort();
  };
  const call = (http: ReturnType<TestMesh['hubHttp']>, route: string, id: string) => {
    const [method, path] = route.split(' ');
    const url = path.replace(/\{[^}]+\}/g, id);
    return (http as unknown as Record<string, (u: string) => ReturnType<ReturnType<TestMesh['hubHttp']>['get']>>)[method.toLowerCase()](url);
  };

  describe.each([
    ['node', NODE_ROUTES, NODE_ROLES, () => mesh.nodeHttp(COOP), (role: string) => mesh.nodeToken(COOP, role, SOME_ID), SOME_ID],
    ['hub', HUB_ROUTES, HUB_ROLES, () => mesh.hubHttp(), (role: string) => mesh.hubToken(role, COOP), 'some-coop'],
  ] as const)('%s', (_app, table, roles, http, token, id) => {
    it('has a rule for every route it serves, and no rule for a route it does not', async () => {
      expect(await routesOf(http())).toEqual(Object.keys(table).sort());
    });

    it('answers 401 without a token and 403 to every role the rule does not allow', async () => {
      for (const [route, allowed] of Object.entries(table)) {
        const anonymous = (await call(http(), route, id)).status;
        expect({ route, status: anonymous }).toEqual({ route, status: allowed === PUBLIC ? 200 : 401 });
        if (allowed === PUBLIC) continue;
        for (const role of roles.filter((r) => !allowed.includes(r))) {
          const res = await call(http(), route, id).set('Authorization', `Bearer ${token(role)}`);
          expect({ route, role, status: res.status }).toEqual({ route, role, status: 403 });
        }
      }
    });
  });

  it("answers 404 when a member names another member's records", async () => {
    const admin = `Bearer ${mesh.nodeToken(COOP, 'coop-admin')}`;
    const admit = async (name: string) =>
      (await mesh.nodeHttp(COOP).post('/members').set('Authorization', admin).send({ stakeholderClass: 'volunteer', fullName: name, initialSharesPence: 100 }).expect(201)).body.id;
    const a = await admit('Member A');
    const b = await admit('Member B');
    const volunteerB = (await mesh.nodeHttp(COOP).post('/volunteers').set('Authorization', admin).send({ fullName: 'Member B', memberId: b }).expect(201)).body.id;
    const asA = `Bearer ${mesh.nodeToken(COOP, 'member', a)}`;
    const today = new Date().toISOString().slice(0, 10);
    // Each with a valid body, so only the ownership check can refuse it.
    const attempts: [string, string, object][] = [
      ['GET /members/{id}', b, {}],
      ['PATCH /members/{id}', b, { phone: '01484 000000' }],
      ['POST /members/{id}/withdrawal', b, {}],
      ['GET /volunteers/{id}', volunteerB, {}],
      ['GET /volunteers/{id}/hours', volunteerB, {}],
      ['POST /volunteers/{id}/hours', volunteerB, { workedOn: today, activity: 'befriending', minutes: 60 }],
      ['POST /volunteers/{id}/expenses', volunteerB, { kind: 'meals', amountPence: 500, incurredOn: today, description: 'lunch on a trip' }],
      ['GET /time-bank/accounts/{volunteerId}', volunteerB, {}],
    ];
    for (const [route, id, body] of attempts) {
      const res = await call(mesh.nodeHttp(COOP), route, id).set('Authorization', asA).send(body);
      expect({ route, status: res.status }).toEqual({ route, status: 404 });
    }
    expect((await mesh.nodeHttp(COOP).get(`/members/${b}`).set('Authorization', admin).expect(200)).body).toMatchObject({ phone: null, withdrawnOn: null });
  });
});
