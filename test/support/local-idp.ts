import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import { freePort } from './app-process';
import { TestMesh } from './mesh';

export { LOCAL_USERS } from '../../scripts/local-idp/local-idp';

const ROOT = join(__dirname, '..', '..');

export interface RunningIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

/** The local identity provider (scripts/local-idp) as its own process: oidc-provider cannot run in a jest worker. */
export function startLocalIdp(redirectUris: string[]): Promise<RunningIdp> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(ROOT, 'scripts', 'local-idp', 'main.ts'), ...redirectUris],
    { cwd: ROOT, env: { PATH: process.env.PATH ?? '', TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const line = output.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      const idp = JSON.parse(line) as Omit<RunningIdp, 'close'>;
      resolve({ ...idp, close: () => (child.kill('SIGTERM'), exited) });
    });
    child.once('exit', (code) => reject(new Error(`the local identity provider stopped (${code}): ${output}`)));
  });
}

/** The WEB_ settings of an app at `base` signing in on `idp`. */
export function webSettings(idp: RunningIdp, base: string): Record<string, string> {
  return {
    WEB_OIDC_ISSUER: idp.issuer,
    WEB_OIDC_CLIENT_ID: idp.clientId,
    WEB_OIDC_CLIENT_SECRET: idp.clientSecret,
    WEB_BASE_URL: base,
    WEB_SESSION_SECRET: randomBytes(32).toString('base64url'),
  };
}

export interface RunningPages {
  idp: RunningIdp;
  /** The hub's address, when it was asked for. */
  hub: string;
  /** Each node's address by co-op id. */
  nodes: Record<string, string>;
}

/**
 * Apps of the mesh with their web pages on, as the browser suites need them: one local identity
 * provider that knows every app's callback, and each app on a port chosen first (the callback names it).
 * The hub is started first when asked for, then the nodes, each with `nodeOverrides` too.
 */
export async function startPages(
  mesh: TestMesh,
  want: { hub?: boolean; nodes?: string[]; hubOverrides?: Record<string, string>; nodeOverrides?: Record<string, string> },
): Promise<RunningPages> {
  const hubPort = want.hub ? await freePort() : 0;
  const nodePorts = await Promise.all((want.nodes ?? []).map(async (coopId) => [coopId, await freePort()] as const));
  const hub = want.hub ? `http://127.0.0.1:${hubPort}` : '';
  const nodes = Object.fromEntries(nodePorts.map(([coopId, port]) => [coopId, `http://127.0.0.1:${port}`]));
  const idp = await startLocalIdp([...(hub ? [hub] : []), ...Object.values(nodes)].map((base) => `${base}/auth/callback`));
  if (want.hub) await mesh.startHub({ ...want.hubOverrides, PORT: String(hubPort), ...webSettings(idp, hub) });
  for (const [coopId, port] of nodePorts) {
    await mesh.startNode(coopId, { ...want.nodeOverrides, PORT: String(port), ...webSettings(idp, nodes[coopId]) });
  }
  return { idp, hub, nodes };
}

/**
 * The mesh's hub with its web pages on: a local identity provider of its own and the hub on a known port,
 * as the browser suites need it (the sign-in callback names the port). Answers the hub's address and the IdP.
 */
export async function startHubWithPages(mesh: TestMesh): Promise<{ hub: string; idp: RunningIdp }> {
  const { hub, idp } = await startPages(mesh, { hub: true });
  return { hub, idp };
}
