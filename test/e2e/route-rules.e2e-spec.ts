import { aMember } from '../support/builders';
import { TestMesh } from '../support/mesh';
import { looseAnswers, OpenApiDocument } from '../support/openapi-answers';
import { HUB_PAGES, HUB_ROLES, HUB_ROUTES, NODE_PAGES, NODE_ROLES, NODE_ROUTES, PUBLIC } from '../support/route-table';
import { ukDay } from '../support/uk-day';

describe('route rules', () => {
  const mesh = new TestMesh();
  const COOP = 'route-rules';
  const SOME_ID = '0f0e0d0c-0b0a-4998-8776-655443322110';

  let hubApp: Awaited<ReturnType<TestMesh['startHub']>>;
  let nodeApp: Awaited<ReturnType<TestMesh['startNode']>>;

  beforeAll(async () => {
    hubApp = await mesh.startHub();
    nodeApp = await mesh.startNode(COOP);
  });
  afterAll(() => mesh.dispose());

  type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };
  const documentOf = async (http: ReturnType<TestMesh['hubHttp']>) =>
    (await http.get('/docs/json').expect(200)).body as { paths: Record<string, Record<string, Operation>> };
  const routesOf = async (http: ReturnType<TestMesh['hubHttp']>) => {
    const doc = await documentOf(http);
    return Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
  };
  const call = (http: ReturnType<TestMesh['hubHttp']>, route: string, id: string) => {
    const [method, path] = route.split(' ');
    const url = path.replace(/\{[^}]+\}/g, id);
    return (http as unknown as Record<string, (u: string) => ReturnType<ReturnType<TestMesh['hubHttp']>['get']>>)[method.toLowerCase()](
      url,
    );
  };

  describe.each([
    ['node', NODE_ROUTES, NODE_ROLES, () => mesh.nodeHttp(COOP), (role: string) => mesh.nodeToken(COOP, role, SOME_ID), SOME_ID],
    ['hub', HUB_ROUTES, HUB_ROLES, () => mesh.hubHttp(), (role: string) => mesh.hubToken(role, COOP), 'some-coop'],
  ] as const)('%s', (_app, table, roles, http, token, id) => {
    it('has a rule for every route it serves, and no rule for a route it does not', async () => {
      expect(await routesOf(http())).toEqual(Object.keys(table).sort());
    });

    it('declares what every route answers: a success with the schema of its body, or 204 and no body', async () => {
      const declares = (op: Operation) =>
        Object.entries(op.responses ?? {}).some(
          ([status, response]) =>
            status === '204' || (/^2\d\d$/.test(status) && Object.values(response.content ?? {}).some((media) => media.schema)),
        );
      const undeclared = Object.entries((await documentOf(http())).paths).flatMap(([path, ops]) =>
        Object.entries(ops)
          .filter(([, op]) => !declares(op))
          .map(([method]) => `${method.toUpperCase()} ${path}`),
      );
      expect(undeclared).toEqual([]);
    });

    it('describes every field of every answer: no object without its properties, none open to any property', async () => {
      // The health checks' details are Terminus's, whose indicators each add keys of their own.
      const health = (path: string) => ['/health', '/ready'].includes(path);
      expect(looseAnswers((await documentOf(http())) as unknown as OpenApiDocument, health)).toEqual([]);
    });

    it('answers 401 without a token and 403 to every role the rule does not allow', async () => {
      for (const [route, allowed] of Object.entries(table)) {
        const anonymous = (await call(http(), route, id)).status;
        // An open POST (a candidate's sign-in) is let in and then refuses the missing body: 400, not 401.
        const open = route.startsWith('GET ') ? 200 : 400;
        expect({ route, status: anonymous }).toEqual({ route, status: allowed === PUBLIC ? open : 401 });
        if (allowed === PUBLIC) continue;
        for (const role of roles.filter((r) => !allowed.includes(r))) {
          const res = await call(http(), route, id).set('Authorization', `Bearer ${token(role)}`);
          expect({ route, role, status: res.status }).toEqual({ route, role, status: 403 });
        }
      }
    });
  });

  describe.each([
    ['hub', () => hubApp, HUB_ROUTES, HUB_PAGES, () => mesh.hubHttp()],
    ['node', () => nodeApp, NODE_ROUTES, NODE_PAGES, () => mesh.nodeHttp(COOP)],
  ] as const)('%s pages', (_app, app, API_ROUTES, PAGES, http) => {
    /** Every route Express serves, as `METHOD /path` with Express's :params. */
    const servedRoutes = (): string[] => {
      const express = app().getHttpAdapter().getInstance() as {
        router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
      };
      return express.router.stack.flatMap((layer) =>
        layer.route
          ? Object.keys(layer.route.methods)
              .filter((m) => m !== '_all')
              .map((m) => `${m.toUpperCase()} ${layer.route!.path}`)
          : [],
      );
    };

    it('has a rule for every page: each route served is in the API table or the page table', async () => {
      const api = new Set(Object.keys(API_ROUTES).map((r) => r.replace(/\{([^}]+)\}/g, ':$1')));
      // Neither the OpenAPI document and its viewer (/docs…), the operator's GET /metrics, nor the catch-all '/{*path}' routes are pages.
      const notPage = (r: string) => r.startsWith('HEAD ') || / \/docs/.test(r) || r === 'GET /metrics' || r.endsWith(' /{*path}');
      const pages = [...new Set(servedRoutes())].filter((r) => !api.has(r) && !notPage(r)).sort();
      expect(pages).toEqual(Object.keys(PAGES).sort());
    });

    it('sends an anonymous visitor of every page that needs a session to sign in, and refuses a POST outright', async () => {
      for (const [route, allowed] of Object.entries(PAGES)) {
        const [method, path] = route.split(' ');
        const url = path
          .replace(/:id\b/g, SOME_ID)
          .replace(/:coopId\b/g, 'some-coop')
          .replace(/:(\w+)/g, SOME_ID);
        const res = method === 'GET' ? await http().get(url).redirects(0) : await http().post(url).type('form').send({});
        if (allowed === PUBLIC) {
          // Sign-in is off in this suite: the sign-in page says so; starting or finishing a sign-in is 404.
          expect({ route, status: res.status }).toEqual({ route, status: path === '/sign-in' ? 200 : 404 });
          continue;
        }
        expect({ route, status: res.status, location: res.headers.location }).toEqual({
          route,
          status: 303,
          location: `/sign-in?next=${encodeURIComponent(url)}`,
        });
      }
    });

    it('says at /sign-in that sign-in is not set up when the WEB_ settings are unset', async () => {
      const res = await http().get('/sign-in').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('Sign-in to the web pages is not set up on this service');
      expect(res.headers['set-cookie']).toBeUndefined();
    });
  });

  it("answers 404 when a member names another member's records", async () => {
    const admin = `Bearer ${mesh.nodeToken(COOP, 'coop-admin')}`;
    const admit = async (name: string) =>
      (
        await mesh
          .nodeHttp(COOP)
          .post('/members')
          .set('Authorization', admin)
          .send(aMember({ stakeholderClass: 'volunteer', fullName: name }))
          .expect(201)
      ).body.id;
    const a = await admit('Member A');
    const b = await admit('Member B');
    const volunteerB = (
      await mesh.nodeHttp(COOP).post('/volunteers').set('Authorization', admin).send({ fullName: 'Member B', memberId: b }).expect(201)
    ).body.id;
    const asA = `Bearer ${mesh.nodeToken(COOP, 'member', a)}`;
    const today = ukDay();
    // Each with a valid body, so only the ownership check can refuse it.
    const attempts: [string, string, object][] = [
      ['GET /members/{id}', b, {}],
      ['PATCH /members/{id}', b, { phone: '01484 000000' }],
      ['POST /members/{id}/withdrawal', b, {}],
      ['GET /volunteers/{id}', volunteerB, {}],
      ['GET /volunteers/{id}/hours', volunteerB, {}],
      ['POST /volunteers/{id}/hours', volunteerB, { workedOn: today, activity: 'befriending', minutes: 60 }],
      [
        'POST /volunteers/{id}/expenses',
        volunteerB,
        { kind: 'meals', amountPence: 500, incurredOn: today, description: 'lunch on a trip' },
      ],
      ['GET /time-bank/accounts/{volunteerId}', volunteerB, {}],
    ];
    for (const [route, id, body] of attempts) {
      const res = await call(mesh.nodeHttp(COOP), route, id).set('Authorization', asA).send(body);
      expect({ route, status: res.status }).toEqual({ route, status: 404 });
    }
    expect((await mesh.nodeHttp(COOP).get(`/members/${b}`).set('Authorization', admin).expect(200)).body).toMatchObject({
      phone: null,
      withdrawnOn: null,
    });
  });
});
