import { ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** A free TCP port on the loopback interface, for an app started as its own process. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * An app run from its TypeScript sources as a separate process, exactly as an operator runs it,
 * with everything it writes to stdout and stderr kept: the only honest way to read "every log line".
 */
export class AppProcess {
  private output = '';
  private readonly child: ChildProcess;
  private readonly exited: Promise<number | null>;

  constructor(app: 'local-coop-node' | 'consortium-hub', env: Record<string, string>) {
    this.child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(ROOT, 'apps', app, 'src', 'main.ts'), 'serve'],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  /** The process id while it runs. */
  get pid(): number | undefined {
    return this.child.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined;
  }

  /**
   * The local ports of the process's TCP sockets (Linux /proc): its database sessions are those whose
   * `client_port` in pg_stat_activity is one of them.
   */
  tcpPorts(): number[] {
    const pid = this.pid;
    if (!pid) return [];
    const sockets = new Set(
      readdirSync(`/proc/${pid}/fd`).map((fd) => /^socket:\[(\d+)\]$/.exec(readlinkOrEmpty(`/proc/${pid}/fd/${fd}`))?.[1]),
    );
    return ['tcp', 'tcp6'].flatMap((table) =>
      readFileSync(`/proc/${pid}/net/${table}`, 'utf8')
        .split('\n')
        .slice(1)
        .map((row) => row.trim().split(/\s+/))
        .filter((cols) => cols.length > 9 && sockets.has(cols[9]))
        .map((cols) => parseInt(cols[1].split(':')[1], 16)),
    );
  }

  /** Everything written so far, stdout and stderr interleaved as they arrived. */
  get log(): string {
    return this.output;
  }

  /** Kills the process at once (SIGKILL, as `kill -9`): no shutdown hook runs, nothing is acked or released. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.pid) this.child.kill('SIGKILL');
    await this.exited;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.pid) this.child.kill('SIGTERM');
    await this.exited;
  }
}

/** A file descriptor may close between listing and reading it. */
function readlinkOrEmpty(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '';
  }
}
