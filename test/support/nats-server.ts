import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from './app-process';

/** NATS_SERVER_BIN, Debian's /usr/sbin/nats-server, /usr/local/bin, or whatever the PATH has. */
function natsServerBinary(): string {
  for (const candidate of [process.env.NATS_SERVER_BIN, '/usr/sbin/nats-server', '/usr/local/bin/nats-server']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  const found = spawnSync('sh', ['-c', 'command -v nats-server'], { encoding: 'utf8' });
  if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  throw new Error('nats-server is not installed: apt-get install nats-server, or set NATS_SERVER_BIN');
}
export const NATS_SERVER_BINARY = natsServerBinary();

export { freePort };

/**
 * A private nats-server with JetStream for one test suite: it can be stopped (the network is down)
 * and started again on the same port and store, or wiped (a broker that lost its data).
 *
 * It writes its process id to `pidFile`. Started with an authorization, it includes `authFile` the
 * way deploy/nats/server.conf includes the hub's file, so a hub given NATS_AUTH_FILE=authFile and
 * NATS_SERVER_PID_FILE=pidFile keeps it in step with the registry by itself.
 */
export class TestNatsServer {
  private proc: ChildProcess | null = null;
  readonly dir = mkdtempSync(join(tmpdir(), 'ccm-nats-'));
  readonly pidFile = join(this.dir, 'nats.pid');
  readonly authFile = join(this.dir, 'authorization.conf');
  readonly logFile = join(this.dir, 'nats.log');

  private constructor(
    readonly port: number,
    private extraConfig: string,
    private readonly includeAuthFile: boolean,
  ) {}

  static async start(extraConfig = ''): Promise<TestNatsServer> {
    const server = new TestNatsServer(await freePort(), extraConfig, false);
    await server.resume();
    return server;
  }

  /** A server whose users are those in `authFile`, first written with `authorization`. */
  static async startWithAuthFile(authorization: string): Promise<TestNatsServer> {
    const server = new TestNatsServer(await freePort(), '', true);
    writeFileSync(server.authFile, authorization, { mode: 0o600 });
    await server.resume();
    return server;
  }

  /** The running server's process id, or null when it is stopped. */
  get pid(): number | null {
    return this.proc && this.proc.exitCode === null ? (this.proc.pid ?? null) : null;
  }

  /** What the server has logged so far (connections refused, reloads). */
  log(): string {
    return existsSync(this.logFile) ? readFileSync(this.logFile, 'utf8') : '';
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  async resume(): Promise<void> {
    this.writeConfig();
    this.proc = spawn(NATS_SERVER_BINARY, ['-c', this.configFile], { stdio: 'ignore' });
    await waitForPort(this.port, true);
  }

  /** Rewrites the configuration and has the running server reload it (SIGHUP), as an operator would. */
  async reload(extraConfig: string, isApplied: () => Promise<boolean>): Promise<void> {
    this.extraConfig = extraConfig;
    this.writeConfig();
    this.proc?.kill('SIGHUP');
    const deadline = Date.now() + 10_000;
    while (!(await isApplied())) {
      if (Date.now() > deadline) throw new Error('nats-server did not apply the reloaded configuration');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private get configFile(): string {
    return join(this.dir, 'server.conf');
  }

  private writeConfig(): void {
    // An include is relative to the including file, even one written with a leading "/".
    const include = this.includeAuthFile ? 'include "authorization.conf"\n' : '';
    writeFileSync(
      this.configFile,
      `listen: 127.0.0.1:${this.port}\npid_file: "${this.pidFile}"\nlog_file: "${this.logFile}"\njetstream { store_dir: "${join(this.dir, 'js')}" }\n${include}${this.extraConfig}\n`,
    );
  }

  async stop(): Promise<void> {
    const proc = this.proc;
    this.proc = null;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
    await waitForPort(this.port, false);
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Waits until something listens on the loopback port (open) or nothing does (closed). */
export async function waitForPort(port: number, open: boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const isOpen = await new Promise<boolean>((resolve) => {
      const s = new Socket();
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
      s.connect(port, '127.0.0.1');
    });
    if (isOpen === open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nats-server port ${port} did not ${open ? 'open' : 'close'} in time`);
}
