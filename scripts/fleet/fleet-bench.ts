import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { INestApplication } from '@nestjs/common';
import { connect } from 'nats';
import { createUser } from 'nkeys.js';
import { Client } from 'pg';

import { dropDatabase, HUB_TOKENS, loadConfig, newAuthKeyPair, TokenService } from '@app/platform';

import { startHub } from '../../apps/consortium-hub/src/bootstrap';
import { HubConfig } from '../../apps/consortium-hub/src/config/hub.config';
import { freePort } from '../../test/support/app-process';
import type { BenchContext } from '../bench/mesh/figure';
import { Fleet, FleetOptions } from './fleet';

/**
 * What P3, P6 and P7 of `npm run bench` share: a hub's settings with a database, subject root and
 * streams of the figure's own (all removed when the figure ends), a consortium-staff token for its
 * API, and a fleet provisioned on it.
 */
export interface FleetBench {
  config: HubConfig;
  /** The environment the hub was configured from: also what a hub started as a process is given. */
  env: Record<string, string>;
  fleet: Fleet;
  staffToken: string;
}

export async function fleetBench(
  ctx: BenchContext,
  name: string,
  fleetOptions: Omit<FleetOptions, 'prefix'>,
  hubEnv: Record<string, string> = {},
): Promise<FleetBench> {
  const root = `b${ctx.runId}${name}`.toLowerCase();
  const auth = newAuthKeyPair();
  const env: Record<string, string> = {
    PORT: '0',
    NATS_URL: ctx.natsUrl,
    NATS_SUBJECT_ROOT: root,
    DB_HOST: ctx.db.host,
    DB_PORT: String(ctx.db.port),
    DB_USER: ctx.db.user,
    DB_PASSWORD: ctx.db.password,
    DB_NAME: `ccm_bench_${ctx.runId}_${name}`.toLowerCase(),
    AUTH_PUBLIC_KEY: auth.AUTH_PUBLIC_KEY,
    NATS_NKEY_SEED: Buffer.from(createUser().getSeed()).toString(),
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '1000000',
    // A busy machine must not show a beating node offline: the figures measure, they do not test timeouts.
    HEARTBEAT_TIMEOUT_MS: '60000',
    ...hubEnv,
  };
  const config = loadConfig(HubConfig, env);
  ctx.defer(async () => {
    const nc = await connect({ servers: ctx.natsUrl });
    const jsm = await nc.jetstreamManager();
    for (const s of [`${root.toUpperCase()}_COOP`, `${root.toUpperCase()}_HUB`]) await jsm.streams.delete(s).catch(() => false);
    await nc.close();
    await dropDatabase({ host: ctx.db.host, port: ctx.db.port, user: ctx.db.user, password: ctx.db.password, database: env.DB_NAME });
  });
  const fleet = await Fleet.provision(config, { ...fleetOptions, prefix: `${name}-${ctx.runId}`.toLowerCase() });
  ctx.defer(() => fleet.stop());
  const staffToken = TokenService.fromSettings({ ...auth, AUTH_TOKEN_MAX_HOURS: 1 }, HUB_TOKENS).issue({
    subject: 'bench',
    role: 'consortium-staff',
    ttlSeconds: 3600,
  });
  return { config, env, fleet, staffToken };
}

/** The hub in this process, closed when the figure ends; answers its base URL. */
export async function hubInProcess(
  ctx: BenchContext,
  config: HubConfig,
): Promise<{ app: INestApplication; url: string; close(): Promise<void> }> {
  const app = await startHub(config);
  let closed: Promise<void> | null = null;
  const close = () => (closed ??= app.close());
  ctx.defer(close);
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}`, close };
}

/** Polls until `done` or the deadline; answers whether it was done. */
export async function until(done: () => boolean | Promise<boolean>, timeoutMs: number, intervalMs = 200): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await done()) return true;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return done();
}

/** One query on the hub's database, on a connection of its own. */
export async function queryHub(config: HubConfig, sql: string, params: unknown[] = []): Promise<Record<string, number>[]> {
  const client = new Client({
    host: config.DB_HOST,
    port: config.DB_PORT,
    user: config.DB_USER,
    password: config.DB_PASSWORD,
    database: config.DB_NAME,
  });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const ROOT = join(__dirname, '..', '..');
export const HUB_MAIN = join(ROOT, 'dist', 'apps', 'consortium-hub', 'main.js');
export const NODE_MAIN = join(ROOT, 'dist', 'apps', 'local-coop-node', 'main.js');

/**
 * The hub as its own process, from the built app, as it is deployed: its CPU and memory are its own,
 * and its work runs beside the fleet's rather than on the same thread. Answers its base URL once it
 * answers HTTP.
 */
export async function hubProcess(ctx: BenchContext, env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  ensureBuilt(ctx);
  const port = await freePort();
  const child = startProcess(ctx, HUB_MAIN, [], { ...env, PORT: String(port) });
  if (!(await until(() => answers(port), 60_000, 250))) throw new Error('the hub process did not start');
  return { child, url: `http://127.0.0.1:${port}` };
}

export function startProcess(ctx: BenchContext, main: string, flags: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [...flags, main], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  ctx.defer(async () => {
    if (child.exitCode !== null) return;
    // What was measured is in hand: a graceful stop (which took over 10 s here) is not the figure's business.
    child.kill('SIGKILL');
    await until(() => child.exitCode !== null || child.signalCode !== null, 5000, 50);
  });
  return child;
}

export async function answers(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/health`, { headers: { connection: 'close' } });
    return true;
  } catch {
    return false;
  }
}

/** Builds the two apps when dist/ is missing or older than the newest source in apps/ and libs/. */
export function ensureBuilt(ctx: BenchContext): void {
  const built = Math.min(...[HUB_MAIN, NODE_MAIN].map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)));
  if (built > newest(join(ROOT, 'apps')) && built > newest(join(ROOT, 'libs'))) return;
  ctx.log('P7 building the apps (dist/ is missing or older than the sources)');
  for (const app of ['consortium-hub', 'local-coop-node']) execFileSync('npx', ['nest', 'build', app], { cwd: ROOT, stdio: 'inherit' });
}

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}
