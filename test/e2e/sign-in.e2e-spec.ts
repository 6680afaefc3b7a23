import { createPublicKey } from 'node:crypto';

import { HUB_ROLES, HUB_TOKENS, NODE_ROLES, nodeTokens, TokenAuthority } from '@app/platform';

import { forgeToken, nowSeconds, payloadOf, withPayload } from '../support/forge-token';
import { TestMesh } from '../support/mesh';

/**
 * Each app accepts only tokens it can trust for itself: signed ES256 with its own key, for its own
 * issuer and audience, with a bounded lifetime and well-formed claims. Anything else is 401.
 */
describe('sign-in: each app trusts only its own tokens', () => {
  const mesh = new TestMesh();
  const A = 'preston';
  const B = 'colne-valley';
  const MEMBER = '3b241101-e2bb-4255-8caf-4136c566a962';

  beforeAll(async () => {
    await mesh.startHub();
    await mesh.startNode(A, { COOP_LOCALITIES: 'Preston' });
    await mesh.startNode(B, { COOP_LOCALITIES: 'Marsden' });
  });
  afterAll(() => mesh.dispose());

  const targets = {
    hub: { authority: HUB_TOKENS, key: () => mesh.hubAuth, call: () => mesh.hubHttp().get('/coops'), claims: { role: 'consortium-staff' } },
    nodeB: {
      authority: nodeTokens(B),
      key: () => mesh.authKeysOf(B),
      call: () => mesh.nodeHttp(B).get('/profile'),
      claims: { role: 'member', memberId: MEMBER },
    },
  };
  type Target = (typeof targets)[keyof typeof targets];
  const good = (authority: TokenAuthority, extra: Record<string, unknown> = {}) => ({
    sub: 'someone',
    iss: authority.issuer,
    aud: authority.audience,
    iat: nowSeconds(),
    exp: nowSeconds() + 600,
    ...extra,
  });
  const present = async (target: Target, token: string) => target.call().set('Authorization', `Bearer ${token}`);
  const expectRefused = async (target: Target, token: string) => {
    const res = await present(target, token);
    expect({ status: res.status, message: res.body.message }).toEqual({ status: 401, message: 'the bearer token is invalid or expired' });
  };

  describe.each(Object.entries(targets))('%s', (_name, target) => {
    it('accepts a well-formed token signed with its own key (the baseline every refusal below departs from)', async () => {
      const token = forgeToken(good(target.authority, target.claims), { alg: 'ES256', privateKey: target.key().AUTH_PRIVATE_KEY });
      expect((await present(target, token)).status).toBe(200);
    });

    it.each([...HUB_ROLES, ...NODE_ROLES])(
      "refuses a token signed with node A's key, role %s, whatever issuer and audience it claims",
      async (role) => {
        const claims = { role, coopId: A, memberId: MEMBER };
        for (const authority of [target.authority, nodeTokens(A), HUB_TOKENS]) {
          await expectRefused(
            target,
            forgeToken(good(authority, claims), { alg: 'ES256', privateKey: mesh.authKeysOf(A).AUTH_PRIVATE_KEY }),
          );
        }
      },
    );

    it("refuses node A's own valid admin token", async () => {
      await expectRefused(target, mesh.nodeToken(A, 'coop-admin'));
    });

    const own = (claims: Record<string, unknown>, header?: Record<string, unknown>) =>
      forgeToken(claims, { alg: 'ES256', privateKey: target.key().AUTH_PRIVATE_KEY }, header);
    const publicDer = () => Buffer.from(target.key().AUTH_PUBLIC_KEY, 'base64');
    const publicPem = () =>
      createPublicKey({ key: publicDer(), format: 'der', type: 'spki' }).export({ format: 'pem', type: 'spki' }).toString();
    const cases: [string, () => string][] = [
      ['without exp', () => own({ ...good(target.authority, target.claims), exp: undefined })],
      ['without iat', () => own({ ...good(target.authority, target.claims), iat: undefined })],
      [
        'with an audience list that contains the app',
        () => own(good(target.authority, { ...target.claims, aud: [target.authority.audience, 'ccm-elsewhere'] })),
      ],
      ['with an audience list of the app alone', () => own(good(target.authority, { ...target.claims, aud: [target.authority.audience] }))],
      ['with another issuer', () => own(good(target.authority, { ...target.claims, iss: 'care-coop-mesh' }))],
      ['with alg none', () => forgeToken(good(target.authority, target.claims), { alg: 'none' })],
      [
        'HS256 with the public key (base64 text) as the HMAC secret',
        () => forgeToken(good(target.authority, target.claims), { alg: 'HS256', secret: target.key().AUTH_PUBLIC_KEY }),
      ],
      [
        'HS256 with the public key (PEM) as the HMAC secret',
        () => forgeToken(good(target.authority, target.claims), { alg: 'HS256', secret: publicPem() }),
      ],
      [
        'HS256 with the public key (DER bytes) as the HMAC secret',
        () => forgeToken(good(target.authority, target.claims), { alg: 'HS256', secret: publicDer() }),
      ],
      ['ES256 signed by its key but labelled ES384', () => own(good(target.authority, target.claims), { alg: 'ES384' })],
      [
        'living longer than AUTH_TOKEN_MAX_HOURS (720 h)',
        () => own(good(target.authority, { ...target.claims, exp: nowSeconds() + 721 * 3600 })),
      ],
      ['issued in the future', () => own(good(target.authority, { ...target.claims, iat: nowSeconds() + 3600, exp: nowSeconds() + 7200 }))],
      ['expired', () => own(good(target.authority, { ...target.claims, iat: nowSeconds() - 120, exp: nowSeconds() - 60 }))],
      ['with a role the app does not have', () => own(good(target.authority, { ...target.claims, role: 'root' }))],
      ['with a non-string subject', () => own(good(target.authority, { ...target.claims, sub: 42 }))],
      ['with a coopId that is not a co-op id', () => own(good(target.authority, { ...target.claims, coopId: "x' OR 1=1" }))],
      [
        'with a tampered payload (role changed, signature kept)',
        () => {
          const valid = own(good(target.authority, target.claims));
          return withPayload(valid, {
            ...payloadOf(valid),
            role: target.authority.roles[0] === target.claims.role ? target.authority.roles[1] : target.authority.roles[0],
            sub: 'tampered',
          });
        },
      ],
    ];
    it.each(cases)('refuses a token %s with 401', async (_case, make) => {
      await expectRefused(target, make());
    });
  });

  it.each(['m-1', '12345', "' OR 1=1 --", '3B241101-E2BB-4255-8CAF-4136C566A962', '3b241101-e2bb-1255-8caf-4136c566a962'])(
    'refuses a member token whose memberId is %j with 401, never 500',
    async (memberId) => {
      const token = forgeToken(good(nodeTokens(B), { role: 'member', memberId }), {
        alg: 'ES256',
        privateKey: mesh.authKeysOf(B).AUTH_PRIVATE_KEY,
      });
      for (const path of ['/members/me', '/members/me/export', '/ballots', `/members/${MEMBER}`]) {
        const res = await mesh.nodeHttp(B).get(path).set('Authorization', `Bearer ${token}`);
        expect({ path, status: res.status }).toEqual({ path, status: 401 });
      }
    },
  );

  it('refuses a member token without a memberId, and a hub coop token without a coopId', async () => {
    await expectRefused(
      targets.nodeB,
      forgeToken(good(nodeTokens(B), { role: 'member' }), { alg: 'ES256', privateKey: mesh.authKeysOf(B).AUTH_PRIVATE_KEY }),
    );
    await expectRefused(
      targets.hub,
      forgeToken(good(HUB_TOKENS, { role: 'coop' }), { alg: 'ES256', privateKey: mesh.hubAuth.AUTH_PRIVATE_KEY }),
    );
  });

  it('lets in the tokens the test mesh mints the way the token command does', async () => {
    await mesh.hub().as('consortium-staff').get('/coops').expect(200);
    await mesh.node(A).as('coop-admin').get('/profile').expect(200);
    await mesh.node(B).as('member', MEMBER).get('/profile').expect(200);
  });
});
