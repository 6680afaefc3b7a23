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

/**
 * The mesh's hub with its web pages on: a local identity provider of its own and the hub on a known port,
 * as the browser suites need it (the sign-in callback names the port). Answers the hub's address and the IdP.
 */
export async function startHubWithPages(mesh: TestMesh): Promise<{ hub: string; idp: RunningIdp }> {
  const port = await freePort();
  const hub = `http://127.0.0.1:${port}`;
  const idp = await startLocalIdp([`${hub}/auth/callback`]);
  await mesh.startHub({
    PORT: String(port),
    WEB_OIDC_ISSUER: idp.issuer,
    WEB_OIDC_CLIENT_ID: idp.clientId,
    WEB_OIDC_CLIENT_SECRET: idp.clientSecret,
    WEB_BASE_URL: hub,
    WEB_SESSION_SECRET: randomBytes(32).toString('base64url'),
  });
  return { hub, idp };
}
