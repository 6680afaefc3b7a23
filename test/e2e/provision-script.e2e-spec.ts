import { spawnSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { fromSeed } from 'nkeys.js';

import { encodePublicKey, loadConfig, parsePrivateKey } from '@app/platform';

import { NodeConfig } from '../../apps/local-coop-node/src/config/node.config';
import { dropTestDatabase, queryDb } from '../support/test-database';
import { uniqueSuffix } from '../support/unique';

/** `deploy/compose/provision.sh` itself, exactly as docker compose runs it, against a test database. */
describe('the compose provisioning script', () => {
  const ROOT = join(__dirname, '..', '..');
  const SCRIPT = join(ROOT, 'deploy/compose/provision.sh');
  const HUB = join(ROOT, 'dist/apps/consortium-hub/main.js');
  const NODE = join(ROOT, 'dist/apps/local-coop-node/main.js');
  const COOPS = ['colne-valley', 'holme-valley', 'preston'];
  const db = `ccm_test_provision_${uniqueSuffix()}`;
  const dir = mkdtempSync(join(tmpdir(), 'ccm-provision-'));
  const secrets = join(dir, 'secrets');
  const natsAuth = join(dir, 'nats-auth');

  beforeAll(() => {
    if (!existsSync(HUB) || !existsSync(NODE)) throw new Error('the apps are not built: run "npm run build" (npm test does it first)');
    for (const d of [secrets, natsAuth]) spawnSync('mkdir', ['-p', d]);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await dropTestDatabase(db);
  });

  const run = () => {
    const r = spawnSync('sh', [SCRIPT], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
      env: {
        PATH: process.env.PATH ?? '',
        SECRETS_DIR: secrets,
        NATS_AUTH_DIR: natsAuth,
        HUB: `${process.execPath} ${HUB}`,
        NODE: `${process.execPath} ${NODE}`,
        SKIP_CHOWN: '1',
        DB_NAME: db,
        LOG_LEVEL: 'silent',
      },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const envFile = (name: string): Record<string, string> =>
    Object.fromEntries(
      readFileSync(join(secrets, name, `${name}.env`), 'utf8')
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
  const mode = (file: string) => statSync(file).mode & 0o777;
  const publicOf = (privateKey: string) => encodePublicKey(createPublicKey(parsePrivateKey(privateKey)!));
  const snapshot = () => Object.fromEntries(['hub', ...COOPS].map((n) => [n, readFileSync(join(secrets, n, `${n}.env`), 'utf8')]));

  it('writes the hub its keys, each co-op node its own seed and own sign-in keys, mode 0600, and the NATS authorization', async () => {
    // Each app's file in a directory of its own: compose mounts each directory into its app alone.
    const first = run();
    expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: '' });
    expect(readdirSync(secrets).sort()).toEqual(['colne-valley', 'holme-valley', 'hub', 'preston']);
    for (const app of ['hub', ...COOPS]) expect(readdirSync(join(secrets, app))).toEqual([`${app}.env`]);
    expect(first.stdout).toContain('provisioned: hub and three co-ops, each app with its own sign-in keys; NATS authorization written');

    const hub = envFile('hub');
    expect(hub.NATS_NKEY_SEED).toMatch(/^SU[A-Z2-7]{56}$/);
    expect(publicOf(hub.AUTH_PRIVATE_KEY)).toBe(hub.AUTH_PUBLIC_KEY);
    const hubNkey = fromSeed(Buffer.from(hub.NATS_NKEY_SEED)).getPublicKey();

    const nodes = COOPS.map((id) => ({ id, env: envFile(id) }));
    for (const { id, env } of nodes) {
      expect(mode(join(secrets, id, `${id}.env`))).toBe(0o600);
      expect(env).toMatchObject({ COOP_ID: id, HUB_PUBLIC_KEY: hubNkey });
      expect(env.NATS_NKEY_SEED).toMatch(/^SU[A-Z2-7]{56}$/);
      expect(publicOf(env.AUTH_PRIVATE_KEY)).toBe(env.AUTH_PUBLIC_KEY);
      // The file is a working node configuration as it stands (compose adds the co-op's description).
      expect(() => loadConfig(NodeConfig, { ...env, COOP_NAME: id, COOP_LOCALITIES: 'Somewhere' })).not.toThrow();
    }
    expect(mode(join(secrets, 'hub', 'hub.env'))).toBe(0o600);
    // Every app's keys are its own: no two seeds and no two sign-in pairs are the same.
    const all = [hub, ...nodes.map((n) => n.env)];
    for (const key of ['NATS_NKEY_SEED', 'AUTH_PRIVATE_KEY', 'AUTH_PUBLIC_KEY']) expect(new Set(all.map((e) => e[key])).size).toBe(4);
    // The hub knows each co-op's NATS identity and never its sign-in keys.
    const registered = await queryDb<{ id: string; public_key: string }>(db, 'SELECT id, public_key FROM coop ORDER BY id');
    expect(registered).toEqual(nodes.map(({ id, env }) => ({ id, public_key: fromSeed(Buffer.from(env.NATS_NKEY_SEED)).getPublicKey() })));
    const hubRows = JSON.stringify(await queryDb(db, 'SELECT * FROM coop'));
    for (const { env } of nodes) expect(hubRows).not.toContain(env.AUTH_PUBLIC_KEY);

    const authorization = readFileSync(join(natsAuth, 'authorization.conf'), 'utf8');
    expect(authorization).toContain(hubNkey);
    for (const { id, env } of nodes) {
      expect(authorization).toContain(fromSeed(Buffer.from(env.NATS_NKEY_SEED)).getPublicKey());
      expect(authorization).toContain(`ccm.v1.coop.${id}.msg.reporting.return-submitted`);
      expect(authorization).not.toContain(`ccm.v1.coop.${id}.>`);
    }
  });

  it('keeps every existing key when run again', () => {
    const before = snapshot();
    const again = run();
    expect({ code: again.code, stderr: again.stderr }).toEqual({ code: 0, stderr: '' });
    expect(snapshot()).toEqual(before);
  });

  it('gives a secrets file from before sign-in keys its own pair, keeping its seed', () => {
    const file = join(secrets, 'preston', 'preston.env');
    const old = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => !l.startsWith('AUTH_'))
      .join('\n');
    writeFileSync(file, old);
    const seed = envFile('preston').NATS_NKEY_SEED;
    expect(run().code).toBe(0);
    const upgraded = envFile('preston');
    expect(upgraded.NATS_NKEY_SEED).toBe(seed);
    expect(publicOf(upgraded.AUTH_PRIVATE_KEY)).toBe(upgraded.AUTH_PUBLIC_KEY);
    expect(mode(file)).toBe(0o600);
  });
});
