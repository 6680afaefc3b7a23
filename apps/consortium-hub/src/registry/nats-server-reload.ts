import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/**
 * Asks a running nats-server to reload its configuration, as `nats-server --signal reload=<pid>` does:
 * SIGHUP to the process named in the server's own pid file (`pid_file` in its configuration). The hub
 * must see that process: the same host, or a shared pid namespace (docker compose `pid: "service:nats"`),
 * and run as the same user. A connected user the new authorization no longer lists is disconnected at
 * once ("Authorization Violation") and cannot connect again.
 */
export async function signalNatsReload(pidFile: string): Promise<number> {
  let text: string;
  try {
    text = await readFile(pidFile, 'utf8');
  } catch (error) {
    throw new Error(
      `cannot read the NATS server's pid file ${pidFile} (${(error as NodeJS.ErrnoException).code ?? 'error'}): is nats-server running with pid_file set to it?`,
      { cause: error },
    );
  }
  const pid = Number(text.trim());
  if (!Number.isSafeInteger(pid) || pid < 1) throw new Error(`the NATS server's pid file ${pidFile} does not hold a process id`);
  // A stale pid file could name a process that is not nats-server at all: never hang that one up.
  const comm = `/proc/${pid}/comm`;
  if (existsSync('/proc/self/comm') && existsSync(comm) && !/nats-server/.test(readFileSync(comm, 'utf8'))) {
    throw new Error(`process ${pid} named in ${pidFile} is not nats-server (a stale pid file?)`);
  }
  try {
    process.kill(pid, 'SIGHUP');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ESRCH')
      throw new Error(`no process ${pid} (from ${pidFile}): nats-server is not running, or not in this hub's pid namespace`, {
        cause: error,
      });
    if (code === 'EPERM')
      throw new Error(`not allowed to signal process ${pid} (from ${pidFile}): run the hub as the same user as nats-server`, {
        cause: error,
      });
    throw error;
  }
  return pid;
}
