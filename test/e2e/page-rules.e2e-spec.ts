import { randomBytes } from 'node:crypto';

import { aMember } from '../support/builders';
import { forgeSession } from '../support/forge-session';
import { TestMesh } from '../support/mesh';
import { HUB_PAGES, NODE_PAGES, PUBLIC, SIGNED_IN } from '../support/route-table';

/**
 * Every page of both apps with every role that may sign in to it, from the page tables (so a new page is
 * covered as soon as it has its row): the roles its row allows get through the guard, every other role is
 * refused with 403, and a form posted without the session's CSRF token is refused with 403 whoever sends
 * it. Pages are on, with an identity provider that is never reached: the sessions are made in the table.
 */
describe('page rules', () => {
  const mesh = new TestMesh();
  const COOP = 'page-rules';
  const SOME_ID = '0f0e0d0c-0b0a-4998-8776-655443322110';
  const secret = randomBytes(32).toString('base64url');
  const web = () => ({
    WEB_OIDC_ISSUER: 'http://127.0.0.1:9/never-reached',
    WEB_OIDC_CLIENT_ID: 'page-rules',
    WEB_OIDC_CLIENT_SECRET: 'page-rules-secret',
    WEB_BASE_URL: 'http://127.0.0.1:8999',
    WEB_SESSION_SECRET: secret,
  });

  /** The member the forged member sessions are tied to, as a real member's sign-in would be. */
  let memberId: string;

  beforeAll(async () => {
    await mesh.startHub(web());
    await mesh.startNode(COOP, web());
    memberId = ((await mesh.node(COOP).as('coop-admin').post('/members', aMember()).expect(201)).body as { id: string }).id;
    await mesh.nodeQuery(COOP, 'INSERT INTO member_sign_in (subject, member_id) VALUES ($1, $2)', ['forged-member', memberId]);
  });
  afterAll(() => mesh.dispose());

  const apps = [
    [
      'hub',
      HUB_PAGES,
      ['consortium-staff', 'commissioner'],
      () => mesh.hubHttp(),
      'ccm_session',
      (sql: string, p: unknown[]) => mesh.hubQuery(sql, p),
    ],
    [
      'node',
      NODE_PAGES,
      ['coop-admin', 'member'],
      () => mesh.nodeHttp(COOP),
      `ccm_node_${COOP}`,
      (sql: string, p: unknown[]) => mesh.nodeQuery(COOP, sql, p),
    ],
  ] as const;

  const urlOf = (path: string) => path.replace(/:coopId\b/g, 'some-coop').replace(/:\w+/g, SOME_ID);
  const isSignIn = (location: unknown) => typeof location === 'string' && location.startsWith('/sign-in?next=');

  describe.each(apps)('%s', (_app, pages, roles, http, cookieName, query) => {
    // Signing out ends the session the rest use: it goes last.
    const guarded = Object.entries(pages)
      .filter(([, allowed]) => allowed !== PUBLIC)
      .sort(([a], [b]) => Number(a === 'POST /sign-out') - Number(b === 'POST /sign-out'));

    it.each(roles)('lets %s through to the pages its row allows and refuses it every other page with 403', async (role) => {
      const session = await forgeSession(query, secret, { role, memberId: role === 'member' ? memberId : undefined }, cookieName);
      for (const [route, allowed] of guarded) {
        const [method, path] = route.split(' ');
        const url = urlOf(path);
        const res =
          method === 'GET'
            ? await http().get(url).set('Cookie', session.cookie).redirects(0)
            : await http().post(url).set('Cookie', session.cookie).type('form').send({ _csrf: session.csrf });
        const may = allowed === SIGNED_IN || (allowed as readonly string[]).includes(role);
        const outcome = res.status === 403 ? 'refused' : isSignIn(res.headers.location) ? 'sent to sign in' : 'let through';
        expect({ route, role, outcome }).toEqual({ route, role, outcome: may ? 'let through' : 'refused' });
      }
    });

    it('refuses every form posted without the CSRF token or with another session’s, even from a role the page allows', async () => {
      for (const [route, allowed] of guarded.filter(([r]) => r.startsWith('POST '))) {
        const role = allowed === SIGNED_IN ? roles[0] : (allowed as readonly string[])[0];
        const session = await forgeSession(query, secret, { role, memberId: role === 'member' ? memberId : undefined }, cookieName);
        const other = await forgeSession(query, secret, { role }, cookieName);
        const url = urlOf(route.split(' ')[1]);
        // A token of the right length in characters but not in bytes is as wrong as any other (not a 500).
        for (const form of [{}, { _csrf: other.csrf }, { _csrf: '' }, { _csrf: 'é'.repeat(session.csrf.length) }]) {
          const res = await http().post(url).set('Cookie', session.cookie).type('form').send(form);
          expect({ route, form, status: res.status }).toEqual({ route, form, status: 403 });
        }
      }
    });

    it('serves pages under a Content-Security-Policy with no inline script or style, no framing, and forms to itself and the provider', async () => {
      const res = await http().get('/sign-in').expect(200);
      const policy = String(res.headers['content-security-policy']);
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("style-src 'self'");
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("form-action 'self' http://127.0.0.1:9");
    });
  });
});
