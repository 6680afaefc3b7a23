import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createUser, fromSeed } from 'nkeys.js';

import { CURVE_SEED_PATTERN } from '@app/contracts';
import { curvePublicKey } from '@app/federation';

import { NODE_MIGRATIONS } from '../../apps/local-coop-node/src/database/database-options';
import { freePort } from '../support/app-process';
import { TestMesh } from '../support/mesh';
import { dropTestDatabase, queryDb } from '../support/test-database';
import { uniqueSuffix } from '../support/unique';
import { waitFor } from '../support/wait-for';

/** The built apps as an operator runs them: bad configuration stops them with one clear line. */
describe('starting the built apps', () => {
  const ROOT = join(__dirname, '..', '..');
  const HUB = join(ROOT, 'dist/apps/consortium-hub/main.js');
  const NODE = join(ROOT, 'dist/apps/local-coop-node/main.js');
  const OLD_SECRET = 'startup-test-secret-long-enough-0123456789';
  const SEED = Buffer.from(createUser().getSeed()).toString();

  beforeAll(() => {
    if (!existsSync(HUB) || !existsSync(NODE)) throw new Error('the apps are not built: run "npm run build" (npm test does it first)');
  });

  const run = (main: string, args: string[], env: Record<string, string>) => {
    const result = spawnSync(process.execPath, [main, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    return { code: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
  };

  /** A fresh key pair from the app's own auth-keys command, as an operator makes one. */
  const authKeys = (main: string): { AUTH_PRIVATE_KEY: string; AUTH_PUBLIC_KEY: string } => {
    const r = run(main, ['auth-keys'], {});
    expect(r.code).toBe(0);
    const pair = Object.fromEntries(
      r.stdout.split('\n').map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(Object.keys(pair)).toEqual(['AUTH_PRIVATE_KEY', 'AUTH_PUBLIC_KEY']);
    return pair as { AUTH_PRIVATE_KEY: string; AUTH_PUBLIC_KEY: string };
  };
  const HUB_KEYS = { AUTH_PUBLIC_KEY: '' };
  beforeAll(() => {
    HUB_KEYS.AUTH_PUBLIC_KEY = authKeys(HUB).AUTH_PUBLIC_KEY;
  });

  it('stops the hub with one line naming a missing key, without printing any value', () => {
    const r = run(HUB, [], {});
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^consortium-hub: Invalid configuration: AUTH_PUBLIC_KEY must be set/);
  });

  it('stops an app still given only the retired JWT_SECRET, naming what replaced it and not printing it', () => {
    for (const [main, env] of [
      [HUB, { NATS_NKEY_SEED: SEED }],
      [NODE, { COOP_ID: 'marsden', COOP_NAME: 'Marsden', COOP_LOCALITIES: 'Marsden' }],
    ] as const) {
      const r = run(main, [], { ...env, JWT_SECRET: OLD_SECRET });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /AUTH_PUBLIC_KEY must be set: .*\(JWT_SECRET is no longer used: each app checks ES256 tokens with its own key pair; AUTH_PRIVATE_KEY is needed only to mint tokens\)/,
      );
      expect(r.stderr + r.stdout).not.toContain(OLD_SECRET);
    }
    const token = run(HUB, ['token', '--role', 'commissioner'], { JWT_SECRET: OLD_SECRET });
    expect(token.code).toBe(1);
    expect(token.stderr).toMatch(/AUTH_PRIVATE_KEY must be set: .*JWT_SECRET is no longer used/);
  });

  it('stops a node with one line per malformed variable', () => {
    const r = run(NODE, [], {
      ...HUB_KEYS,
      COOP_ID: 'Colne Valley',
      COOP_NAME: 'Colne Valley',
      COOP_LOCALITIES: 'Marsden',
      NATS_URL: 'localhost',
    });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/COOP_ID must be set to the co-op id/);
    expect(r.stderr).toMatch(/NATS_URL must be one or more nats:\/\/ URLs/);
  });

  it('says in one line what to run when PostgreSQL is not reachable', () => {
    const r = run(HUB, [], { ...HUB_KEYS, NATS_NKEY_SEED: SEED, DB_PORT: '1', DB_NAME: 'ccm_test_unreachable' });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/PostgreSQL is not reachable at 127\.0\.0\.1:1 .*docker compose up -d postgres/);
  });

  it('creates and migrates a node database with the migrate command, and is idempotent', async () => {
    const db = `ccm_test_migrate_${uniqueSuffix()}`;
    const env = { COOP_ID: 'marsden', COOP_NAME: 'Marsden Care', COOP_LOCALITIES: 'Marsden', DB_NAME: db };
    try {
      const first = run(NODE, ['migrate'], env);
      expect(first).toMatchObject({ code: 0 });
      expect(first.stdout).toBe(`applied: ${NODE_MIGRATIONS.map((m) => m.name).join(', ')}`);
      expect(run(NODE, ['migrate'], env)).toMatchObject({ code: 0, stdout: 'database is up to date' });
      const tables = (
        await queryDb<{ table_name: string }>(db, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
      ).map((t) => t.table_name);
      for (const t of [
        'outbox_message',
        'inbox_message',
        'coop_profile',
        'rulebook_version',
        'member',
        'ballot',
        'staff',
        'service_user',
        'visit',
        'time_entry',
      ])
        expect(tables).toContain(t);
    } finally {
      await dropTestDatabase(db);
    }
  });

  it('provisions many co-ops from a file with provision-many: each node its own settings file, mode 0600; all or nothing', async () => {
    const db = `ccm_test_provmany_${uniqueSuffix()}`;
    const dir = mkdtempSync(join(tmpdir(), 'ccm-provision-many-'));
    const env = { NATS_NKEY_SEED: SEED, DB_NAME: db, LOG_LEVEL: 'silent', AUTH_PUBLIC_KEY: authKeys(HUB).AUTH_PUBLIC_KEY };
    try {
      writeFileSync(join(dir, 'coops.csv'), '# Calder\ngolcar,Golcar Care Co-op\nlinthwaite,Linthwaite Care, Support and Respite\n');
      const r = run(HUB, ['provision-many', '--file', join(dir, 'coops.csv'), '--out-dir', join(dir, 'nodes')], env);
      expect(r).toMatchObject({
        code: 0,
        stdout: `provisioned 2 co-ops; their nodes' settings are in ${join(dir, 'nodes')}/<coop id>.env`,
      });
      expect(readdirSync(join(dir, 'nodes')).sort()).toEqual(['golcar.env', 'linthwaite.env']);
      const settings = readFileSync(join(dir, 'nodes', 'linthwaite.env'), 'utf8');
      expect(statSync(join(dir, 'nodes', 'linthwaite.env')).mode & 0o777).toBe(0o600);
      expect(settings).toMatch(/^COOP_ID=linthwaite\nNATS_NKEY_SEED=SU[A-Z2-7]{56}\nHUB_PUBLIC_KEY=U[A-Z2-7]{55}\n/);
      const rows = await queryDb<{ id: string; name: string; public_key: string }>(db, 'SELECT id, name, public_key FROM coop ORDER BY id');
      const seed = /NATS_NKEY_SEED=(\S+)/.exec(settings)![1];
      expect(rows.map((c) => [c.id, c.name])).toEqual([
        ['golcar', 'Golcar Care Co-op'],
        ['linthwaite', 'Linthwaite Care, Support and Respite'],
      ]);
      expect(rows[1].public_key).toBe(fromSeed(Buffer.from(seed)).getPublicKey());

      // One co-op already there: none of the file is provisioned, and the command says which.
      writeFileSync(join(dir, 'more.csv'), 'slaithwaite,Slaithwaite Care Co-op\ngolcar,Golcar Again\n');
      const again = run(HUB, ['provision-many', '--file', join(dir, 'more.csv'), '--out-dir', join(dir, 'more')], env);
      expect(again).toMatchObject({ code: 1, stderr: 'consortium-hub: co-op golcar is already in the registry' });
      expect(await queryDb(db, "SELECT 1 FROM coop WHERE id = 'slaithwaite'")).toEqual([]);
      expect(run(HUB, ['provision-many', '--file', join(dir, 'coops.csv')], env)).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('--out-dir'),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await dropTestDatabase(db);
    }
  });

  it('refuses an option a command does not know, naming it', () => {
    const r = run(HUB, ['provision', '--coop', 'x', '--name', 'X', '--secrets', '/tmp/x.env'], {});
    expect(r).toMatchObject({
      code: 1,
      stderr: 'consortium-hub: unknown option --secrets (this command takes --coop, --name, --status, --sponsor, --out, --rotate)',
    });
    expect(run(NODE, ['token', '--role', 'coop-admin', '--audience', 'ccm-hub'], { ...authKeys(NODE), COOP_ID: 'preston' })).toMatchObject({
      code: 1,
      stderr: 'local-coop-node: unknown option --audience (this command takes --role, --subject, --coop, --member, --ttl)',
    });
  });

  it("makes a node's curve key with curve-key, needing no configuration: an env line for the seed and its public key", () => {
    const r = run(NODE, ['curve-key'], {});
    expect(r.code).toBe(0);
    const [seedLine, publicLine] = r.stdout.split('\n');
    const seed = seedLine.replace(/^NODE_CURVE_SEED=/, '');
    expect(seed).toMatch(CURVE_SEED_PATTERN);
    expect(publicLine).toBe(`# public key: ${curvePublicKey(seed)}`);
    expect(run(NODE, ['curve-key'], {}).stdout).not.toContain(seed);
    expect(run(NODE, ['curve-key', '--out', 'x'], {})).toMatchObject({ code: 1, stderr: expect.stringContaining('unknown option --out') });
  });

  describe('a token from the token command, presented to the running hub', () => {
    const mesh = new TestMesh();
    let hub: ChildProcess | null = null;
    let base = '';
    const hubKeys = { AUTH_PRIVATE_KEY: '', AUTH_PUBLIC_KEY: '' };

    beforeAll(async () => {
      Object.assign(hubKeys, authKeys(HUB));
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      // The server is given only the public half: it checks tokens, it never mints them.
      const env = {
        AUTH_PUBLIC_KEY: hubKeys.AUTH_PUBLIC_KEY,
        NATS_NKEY_SEED: mesh.hubSeed,
        DB_NAME: mesh.hubDb,
        NATS_SUBJECT_ROOT: mesh.root,
        NATS_URL: mesh.natsUrl,
        PORT: String(port),
        LOG_LEVEL: 'silent',
      };
      hub = spawn(process.execPath, [HUB], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'ignore' });
      await waitFor(
        'the hub to answer',
        async () => (await call(`${base}/health`)).status,
        (s) => s === 200,
        { timeoutMs: 45_000 },
      );
    }, 60_000);
    afterAll(async () => {
      if (hub && hub.exitCode === null) {
        const exited = new Promise((resolve) => hub!.once('exit', resolve));
        hub.kill('SIGTERM');
        await exited;
      }
      await mesh.dispose();
    });
    const get = (token: string) => call(`${base}/coops`, token);

    it("lets in the token the hub's command minted with the hub's private key", async () => {
      const r = run(HUB, ['token', '--role', 'consortium-staff'], { AUTH_PRIVATE_KEY: hubKeys.AUTH_PRIVATE_KEY });
      expect(r.code).toBe(0);
      expect(await get(r.stdout)).toMatchObject({ status: 200, body: { items: [], total: 0 } });
      const claims = JSON.parse(Buffer.from(r.stdout.split('.')[1], 'base64url').toString());
      expect(claims).toMatchObject({ iss: 'ccm-hub', aud: 'ccm-hub', role: 'consortium-staff' });
      expect(claims.exp - claims.iat).toBe(8 * 3600);
    });

    it('refuses a token minted by a node, or by a hub with another key, with 401', async () => {
      const nodeToken = run(NODE, ['token', '--role', 'coop-admin'], { ...authKeys(NODE), COOP_ID: 'preston' });
      const otherHub = run(HUB, ['token', '--role', 'consortium-staff'], { AUTH_PRIVATE_KEY: authKeys(HUB).AUTH_PRIVATE_KEY });
      for (const token of [nodeToken.stdout, otherHub.stdout]) {
        expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
        expect(await get(token)).toMatchObject({ status: 401, body: { message: 'the bearer token is invalid or expired' } });
      }
    });

    it('refuses to mint a token for a role, member or lifetime the app would refuse', () => {
      const env = { AUTH_PRIVATE_KEY: hubKeys.AUTH_PRIVATE_KEY };
      expect(run(HUB, ['token', '--role', 'king'], env).stderr).toMatch(/--role must be one of consortium-staff, commissioner, coop/);
      expect(run(HUB, ['token', '--role', 'commissioner', '--ttl', '60d'], env).stderr).toBe(
        'consortium-hub: --ttl must be at most 720h (AUTH_TOKEN_MAX_HOURS): this app refuses longer-lived tokens',
      );
      expect(run(NODE, ['token', '--role', 'member', '--member', 'm-1'], { ...authKeys(NODE), COOP_ID: 'preston' }).stderr).toMatch(
        /--member must be the member's id, a UUID/,
      );
    });
  });
});

/**
 * One request on its own connection: spawnSync blocks this process for seconds, long enough for the
 * server to close an idle kept-alive socket that a pooled client would then reuse.
 */
function call(url: string, token?: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { agent: false, headers: token ? { authorization: `Bearer ${token}` } : {} }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
    });
    req.on('error', reject);
  });
}
