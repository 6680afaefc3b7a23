import { HUB_TOKENS, newAuthKeyPair } from '@app/platform';

import { forgeToken, nowSeconds } from '../support/forge-token';
import { TestMesh } from '../support/mesh';
import { waitFor } from '../support/wait-for';

/** Sign-in, roles and input validation on both apps' HTTP APIs. */
describe('HTTP APIs: sign-in, roles, validation, operations endpoints', () => {
  const mesh = new TestMesh();
  const COOP = 'preston';
  const MEMBER = '6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5';

  beforeAll(async () => {
    await mesh.startHub();
    await mesh.startNode(COOP, { COOP_NAME: 'Preston Care Co-op', COOP_LOCALITIES: 'Preston' });
  });
  afterAll(() => mesh.dispose());

  describe('operations endpoints need no token', () => {
    it.each(['hub', 'node'])('%s answers /health and /ready with the database and NATS named', async (which) => {
      const http = () => (which === 'hub' ? mesh.hubHttp() : mesh.nodeHttp(COOP));
      await http().get('/health').expect(200);
      const ready = await waitFor(
        'ready',
        async () => (await http().get('/ready')).body,
        (b) => b.status === 'ok',
      );
      expect(ready.details).toEqual({ database: { status: 'up' }, nats: { status: 'up' } });
    });

    it.each(['hub', 'node'])('%s serves its OpenAPI document at /docs', async (which) => {
      const http = () => (which === 'hub' ? mesh.hubHttp() : mesh.nodeHttp(COOP));
      await http().get('/docs').expect(200);
      const doc = (await http().get('/docs/json').expect(200)).body;
      expect(Object.keys(doc.paths).length).toBeGreaterThan(2);
    });
  });

  describe('tokens', () => {
    it('refuses a forged, expired or other-audience token with 401', async () => {
      const claims = { sub: 's', role: 'consortium-staff', iss: HUB_TOKENS.issuer, aud: HUB_TOKENS.audience };
      const forged = forgeToken(
        { ...claims, iat: nowSeconds(), exp: nowSeconds() + 60 },
        { alg: 'ES256', privateKey: newAuthKeyPair().AUTH_PRIVATE_KEY },
      );
      const expired = forgeToken(
        { ...claims, iat: nowSeconds() - 70, exp: nowSeconds() - 10 },
        { alg: 'ES256', privateKey: mesh.hubAuth.AUTH_PRIVATE_KEY },
      );
      const forNode = mesh.nodeToken(COOP, 'coop-admin');
      for (const token of [forged, expired, forNode, 'not-a-jwt']) {
        const res = await mesh.hubHttp().get('/coops').set('Authorization', `Bearer ${token}`).expect(401);
        expect(res.body.message).toBe('the bearer token is invalid or expired');
      }
    });

    it("refuses one co-op's admin token on another co-op's node", async () => {
      await mesh
        .nodeHttp(COOP)
        .get('/profile')
        .set('Authorization', `Bearer ${mesh.nodeToken('colne-valley', 'coop-admin')}`)
        .expect(401);
    });

    it('refuses a role the route does not allow with 403', async () => {
      await mesh.hub().as('commissioner').patch(`/coops/${COOP}/status`).send({ status: 'trading' }).expect(403);
      await mesh.hub().as('coop', COOP).patch(`/coops/${COOP}/status`).send({ status: 'trading' }).expect(403);
      await mesh.node(COOP).as('member', MEMBER).patch('/profile').send({ name: 'Taken over' }).expect(403);
      await mesh.node(COOP).as('member', MEMBER).get('/federation/status').expect(403);
    });

    it('lets each allowed role in', async () => {
      for (const role of ['consortium-staff', 'commissioner', 'coop']) {
        await mesh
          .hubHttp()
          .get('/coops')
          .set('Authorization', `Bearer ${mesh.hubToken(role, COOP)}`)
          .expect(200);
      }
      await mesh.node(COOP).as('member', MEMBER).get('/profile').expect(200);
    });
  });

  describe('bad input gets 400 naming the field, and changes nothing', () => {
    const admin = mesh.node(COOP).as('coop-admin');
    const profile = async () => (await admin.get('/profile').expect(200)).body;

    it.each([
      [{ name: 'Preston', bogus: true }, /property bogus should not exist/],
      [{ name: 'P' }, /name must be longer than or equal to 2 characters/],
      [{ name: 42 }, /name must be a string/],
      [{ servicesOffered: ['hairdressing'] }, /each value in servicesOffered must be one of the following values/],
      [{ localities: [] }, /localities must contain at least 1 elements/],
      [{ legalForm: 'plc' }, /legalForm must be one of the following values/],
      [{ name: null }, /name must be a string/],
    ])('PATCH /profile %j', async (body, message) => {
      const before = await profile();
      const res = await admin.patch('/profile').send(body).expect(400);
      expect(res.body.message.join('; ')).toMatch(message);
      expect(await profile()).toEqual(before);
    });

    it('refuses an empty change with a stable error code', async () => {
      const res = await admin.patch('/profile').send({}).expect(400);
      expect(res.body.code).toBe('PROFILE.NOTHING_TO_CHANGE');
    });

    it('refuses malformed query parameters and ids on the hub', async () => {
      const staff = `Bearer ${mesh.hubToken('consortium-staff')}`;
      expect((await mesh.hubHttp().get('/coops?limit=lots').set('Authorization', staff).expect(400)).body.message.join()).toMatch(
        /limit must be an integer/,
      );
      expect((await mesh.hubHttp().get('/coops?colour=red').set('Authorization', staff).expect(400)).body.message.join()).toMatch(
        /property colour should not exist/,
      );
      expect((await mesh.hubHttp().get('/coops/Not%20An%20Id').set('Authorization', staff).expect(400)).body.message.join()).toMatch(
        /id must be a co-op id/,
      );
      expect((await mesh.hubHttp().get('/coops/unknown-coop').set('Authorization', staff).expect(404)).body.code).toBe(
        'REGISTRY.COOP_NOT_FOUND',
      );
    });

    it('refuses a body that is not JSON with 400 and no stack trace', async () => {
      const res = await admin.patch('/profile').set('Content-Type', 'application/json').send('{"name": ').expect(400);
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js:\d+/);
    });
  });

  describe('hardening', () => {
    it('sends security headers and no X-Powered-By', async () => {
      const res = await mesh.hubHttp().get('/health').expect(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toBeDefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
    });

    it('keeps CORS closed by default', async () => {
      const res = await mesh.hubHttp().options('/coops').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'GET');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('refuses an oversized body with 413 and changes nothing', async () => {
      const admin = `Bearer ${mesh.nodeToken(COOP, 'coop-admin')}`;
      const before = (await mesh.nodeHttp(COOP).get('/profile').set('Authorization', admin)).body;
      await mesh
        .nodeHttp(COOP)
        .patch('/profile')
        .set('Authorization', admin)
        .send({ name: 'x'.repeat(200 * 1024) })
        .expect(413);
      expect((await mesh.nodeHttp(COOP).get('/profile').set('Authorization', admin)).body).toEqual(before);
    });

    it('limits each client to its rate, answering 429 beyond it', async () => {
      await mesh.startNode('rate-limited', { RATE_LIMIT_PER_MINUTE: '5' });
      const token = `Bearer ${mesh.nodeToken('rate-limited', 'coop-admin')}`;
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await mesh.nodeHttp('rate-limited').get('/profile').set('Authorization', token)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      await mesh.nodeHttp('rate-limited').get('/health').expect(200);
    });
  });
});
