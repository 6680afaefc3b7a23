import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

import { waitFor } from '../../../../test/support/wait-for';
import { BenchContext } from '../figure';

const ROOT = join(__dirname, '..', '..', '..', '..');

/**
 * A TypeScript entry point run as a process of its own with the runtime `npm run bench` itself uses
 * (ts-node, transpile only), so an app and its baseline run alike. Stopped (SIGTERM) when the figure ends.
 * BENCH_CPU_PROF_DIR=<dir> writes a CPU profile of each such process there when it ends.
 */
export function startTsProcess(ctx: BenchContext, entry: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(ROOT, entry), ...args],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  ctx.defer(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  });
  return child;
}

/** Waits until `url` answers 200 with these headers; fails early if the process died. */
export async function answering(child: ChildProcess, url: string, headers: Record<string, string> = {}): Promise<void> {
  await waitFor(
    `${url} to answer`,
    async () => {
      if (child.exitCode !== null) throw new Error(`the process serving ${url} exited with ${child.exitCode}`);
      return (await fetch(url, { headers })).status;
    },
    (status) => status === 200,
    { timeoutMs: 90_000, intervalMs: 200 },
  );
}
