import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
  const profileDir = process.env.BENCH_CPU_PROF_DIR;
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '-r', join(__dirname, 'exit-for-profile.ts')] : [];
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', ...profile, join(ROOT, entry), ...args],
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

/**
 * CPU seconds the process has used so far (user and system, from /proc: Linux only; null elsewhere).
 * Two readings around a load give the CPU it cost, which, unlike a rate, does not move when other
 * jobs share the cores: on a busy machine it is the steadier comparison of two servers.
 */
export function cpuSeconds(child: ChildProcess): number | null {
  try {
    const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
    // The fields after the command name (which may hold spaces) start at its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Linux reports CPU time in clock ticks of 1/100 s on every platform Node supports. */
const CLOCK_TICKS = 100;
