import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createUser } from 'nkeys.js';
import { NODE_MIGRATIONS } from '../../apps/local-coop-node/src/database/database-options';
import { dropTestDatabase, queryDb } from '../support/test-database';
import { uniqueSuffix } from '../support/unique';

/** The built apps as an operator runs them: bad configuration stops them with one clear line. */
describe('starting the built apps', () => {
  const ROOT = join(__dirname, '..', '..');
  const HUB = join(ROOT, 'dist/apps/consortium-hub/main.js');
  const NODE = join(ROOT, 'dist/apps/local-coop-node/main.js');
  const SECRET = 'startup-test-secret-long-enough-0123456789';
  const SEED = Buffer.from(createUser().getSeed()).toString();

  beforeAll(() => {
    if (!existsSync(HUB) || !existsSync(NODE)) throw new Error('the apps are not built: run "npm run build" (npm test does it first)');
  });

  const run = (main: string, args: string[], env: Record<string, string>) => {
    const result = spawnSync(process.execPath, [main, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 30_000 });
    return { code: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
  };

  it('stops the hub with one line naming a missing secret, without printing any value', () => {
    const r = run(HUB, [], {});
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^consortium-hub: Invalid configuration: JWT_SECRET must be set/);
  });

  it('stops a node with one line per malformed variable', () => {
    const r = run(NODE, [], { JWT_SECRET: SECRET, COOP_ID: 'Colne Valley', COOP_NAME: 'Colne Valley', COOP_LOCALITIES: 'Marsden', NATS_URL: 'localhost' });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/COOP_ID must be set to the co-op id/);
    expect(r.stderr).toMatch(/NATS_URL must be one or more nats:\/\/ URLs/);
  });

  it('says in one line what to run when PostgreSQL is not reachable', () => {
    const r = run(HUB, [], { JWT_SECRET: SECRET, NATS_NKEY_SEED: SEED, DB_PORT: '1', DB_NAME: 'ccm_test_unreachable' });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/PostgreSQL is not reachable at 127\.0\.0\.1:1 .*docker compose up -d postgres/);
  });

  it('creates and migrates a node database with the migrate command, and is idempotent', async () => {
    const db = `ccm_test_migrate_${uniqueSuffix()}`;
    const env = { JWT_SECRET: SECRET, COOP_ID: 'marsden', COOP_NAME: 'Marsden Care', COOP_LOCALITIES: 'Marsden', DB_NAME: db };
    try {
      const first = run(NODE, ['migrate'], env);
      expect(first).toMatchObject({ code: 0 });
      expect(first.stdout).toBe(`applied: ${NODE_MIGRATIONS.map((m) => m.name).join(', ')}`);
      expect(run(NODE, ['migrate'], env)).toMatchObject({ code: 0, stdout: 'database is up to date' });
      const tables = (await queryDb<{ table_name: string }>(db, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).map((t) => t.table_name);
      for (const t of ['outbox_message', 'inbox_message', 'coop_profile', 'rulebook_version', 'member', 'ballot', 'staff', 'service_user', 'visit', 'time_entry']) expect(tables).toContain(t);
    } finally {
      await dropTestDatabase(db);
    }
  });

  it('issues a token with the token command that the app accepts', () => {
    const r = run(HUB, ['token', '--role', 'commissioner'], { JWT_SECRET: SECRET });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(run(HUB, ['token', '--role', 'king'], { JWT_SECRET: SECRET }).stderr).toMatch(/--role must be one of consortium-staff, commissioner, coop/);
  });
});
