import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** The demo's child processes: each app runs as its own process, its JSON logs in .demo/logs. */
export class Processes {
  private readonly children = new Map<string, ChildProcess>();

  constructor(private readonly logDir: string) {
    mkdirSync(logDir, { recursive: true });
  }

  start(name: string, main: string, env: Record<string, string>, args: string[] = []): ChildProcess {
    const log = createWriteStream(join(this.logDir, `${name}.log`), { flags: 'w' });
    const child = spawn(process.execPath, [main, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    child.once('exit', (code, signal) => {
      this.children.delete(name);
      if (code !== 0 && signal === null && !this.stopping)
        console.error(`  ! ${name} exited with code ${code}; see ${join(this.logDir, `${name}.log`)}`);
    });
    this.children.set(name, child);
    return child;
  }

  private stopping = false;

  /** SIGTERM to every app, which finishes in-flight messages and closes; SIGKILL after a grace period. */
  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.children.values()].map((c) => stop(c, graceMs)));
  }

  async stopOne(name: string, graceMs = 10_000): Promise<void> {
    const child = this.children.get(name);
    if (child) await stop(child, graceMs);
  }
}

function stop(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
