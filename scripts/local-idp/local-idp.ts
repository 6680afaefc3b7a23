import { randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import Module from 'node:module';
import { AddressInfo } from 'node:net';

/** The people of the local identity provider: one a role, each with the role in a `roles` claim. */
export const LOCAL_USERS = [
  { id: 'commissioner', name: 'Chris Commissioner', role: 'commissioner', email: 'chris.commissioner@council.example' },
  { id: 'consortium-staff', name: 'Sam Staff', role: 'consortium-staff', email: 'sam.staff@consortium.example' },
  { id: 'coop-admin', name: 'Ada Admin', role: 'coop-admin', email: 'ada.admin@coop.example' },
  { id: 'member', name: 'Mo Member', role: 'member', email: 'mo.member@coop.example' },
  { id: 'member-2', name: 'Nia Member', role: 'member', email: 'nia.member@coop.example' },
] as const;

export interface LocalIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

interface ProviderLike {
  callback(): (req: unknown, res: unknown) => void;
  Grant: new (init: { clientId: string; accountId: string }) => { addOIDCScope(scope: string): void; save(): Promise<string> };
}
type ProviderClass = new (issuer: string, config: Record<string, unknown>) => ProviderLike;
interface GrantContext {
  oidc: { client: { clientId: string }; session: { accountId: string } };
}

/**
 * An OpenID Connect provider on this machine (oidc-provider) for the demo and the tests: people sign
 * in on its own login page with a user id below (any password), and come back with a `roles` claim.
 * Not for production: the organisation's own provider (Microsoft, Google) takes its place there.
 */
export async function startLocalIdp(redirectUris: string[], port = 0): Promise<LocalIdp> {
  // oidc-provider is an ES module: Node's own require loads it (Node 20.19+); jest's registry cannot, hence _load (as libs/web/src/esm.ts).
  const loader = Module as unknown as {
    _load(request: string, parent: unknown, isMain: boolean): unknown;
    _nodeModulePaths(from: string): string[];
  };
  const parent = { id: __filename, filename: __filename, paths: loader._nodeModulePaths(__dirname) };
  const Provider = (loader._load('oidc-provider', parent, false) as { default: ProviderClass }).default;
  const clientId = 'ccm-web';
  const clientSecret = randomBytes(24).toString('base64url');
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        // Signing out of an app ends the session here too, and comes back to that app's sign-in page.
        post_logout_redirect_uris: redirectUris.map((uri) => new URL('/sign-in?signed-out=1', uri).href),
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['name', 'roles'], email: ['email', 'email_verified'] },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: true },
      // The provider's own "sign out?" question answered at once: this provider serves one first-party client.
      rpInitiatedLogout: { enabled: true, logoutSource: autoSubmitLogout },
    },
    conformIdTokenClaims: false,
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    findAccount: (_ctx: unknown, id: string) => {
      const user = LOCAL_USERS.find((u) => u.id === id);
      return (
        user && { accountId: id, claims: () => ({ sub: id, name: user.name, roles: [user.role], email: user.email, email_verified: true }) }
      );
    },
    // One first-party client: no consent page.
    loadExistingGrant: async (ctx: GrantContext) => {
      const grant = new provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The end-session page: the provider's form (with its own anti-forgery token), sent by a script or a button. */
function autoSubmitLogout(ctx: { body: string }, form: string): void {
  ctx.body = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Signing out</title></head><body>
${form}<button type="submit" form="op.logoutForm" value="yes" name="logout">Sign out of the local identity provider</button>
<script>document.getElementById('op.logoutForm').insertAdjacentHTML('beforeend', '<input type="hidden" name="logout" value="yes">'); document.getElementById('op.logoutForm').submit();</script>
</body></html>`;
}
