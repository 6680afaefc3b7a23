import { randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import Module from 'node:module';
import { AddressInfo } from 'node:net';

/** The people of the local identity provider: one a role, each with the role in a `roles` claim. */
export const LOCAL_USERS = [
  { id: 'commissioner', name: 'Chris Commissioner', role: 'commissioner' },
  { id: 'consortium-staff', name: 'Sam Staff', role: 'consortium-staff' },
  { id: 'coop-admin', name: 'Ada Admin', role: 'coop-admin' },
  { id: 'member', name: 'Mo Member', role: 'member' },
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
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['name', 'roles'] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    conformIdTokenClaims: false,
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    findAccount: (_ctx: unknown, id: string) => {
      const user = LOCAL_USERS.find((u) => u.id === id);
      return user && { accountId: id, claims: () => ({ sub: id, name: user.name, roles: [user.role] }) };
    },
    // One first-party client: no consent page.
    loadExistingGrant: async (ctx: GrantContext) => {
      const grant = new provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid profile');
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
