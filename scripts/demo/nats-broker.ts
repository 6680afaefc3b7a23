import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { join } from 'node:path';

/**
 * The demo's own NATS server with JetStream, run with the per-co-op authorization the hub writes
 * (consortium-hub nats-config), so the demo shows each co-op confined to its own subjects.
 */
export class NatsBroker {
  private proc: ChildProcess | null = null;

  private constructor(
    readonly binary: string,
    readonly port: number,
    private readonly dir: string,
  ) {}

  /** Finds nats-server (NATS_SERVER_BIN, Debian's /usr/sbin, or the PATH); null when there is none. */
  static findBinary(): string | null {
    const candidates = [process.env.NATS_SERVER_BIN, '/usr/sbin/nats-server', '/usr/local/bin/nats-server'].filter((c): c is string => !!c);
    for (const c of candidates) if (existsSync(c)) return c;
    const which = spawnSync('sh', ['-c', 'command -v nats-server'], { encoding: 'utf8' });
    return which.status === 0 ? which.stdout.trim() : null;
  }

  static async start(binary: string, dir: string, authorization: string): Promise<NatsBroker> {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const broker = new NatsBroker(binary, await freePort(), dir);
    writeFileSync(join(dir, 'authorization.conf'), authorization, { mode: 0o600 });
    writeFileSync(
      join(dir, 'server.conf'),
      [
        `listen: 127.0.0.1:${broker.port}`,
        `jetstream { store_dir: "${join(dir, 'jetstream')}" }`,
        `pid_file: "${broker.pidFile}"`,
        `include "authorization.conf"`,
        '',
      ].join('\n'),
    );
    broker.proc = spawn(binary, ['-c', join(dir, 'server.conf'), '-l', join(dir, 'nats-server.log')], { stdio: 'ignore' });
    await waitForPort(broker.port);
    return broker;
  }

  /** The authorization the server includes: the hub rewrites it (NATS_AUTH_FILE) when a co-op joins or leaves. */
  get authFile(): string {
    return join(this.dir, 'authorization.conf');
  }

  /** Where the server writes its process id, so the hub can have it reload the authorization (NATS_SERVER_PID_FILE). */
  get pidFile(): string {
    return join(this.dir, 'nats-server.pid');
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null) return;
    await new Promise((resolve) => {
      proc.once('exit', resolve);
      proc.kill('SIGTERM');
    });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const s = new Socket();
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
      s.connect(port, '127.0.0.1');
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nats-server did not start listening on port ${port}`);
}
