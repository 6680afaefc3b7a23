import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { signalNatsReload } from './nats-server-reload';

describe('asking the NATS server to reload', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ccm-reload-'));
  const pidFile = join(dir, 'nats.pid');
  let other: ChildProcess;

  beforeAll(() => {
    other = spawn('sleep', ['60'], { stdio: 'ignore' });
  });
  afterAll(() => {
    other.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('says which pid file it could not read', async () => {
    await expect(signalNatsReload(join(dir, 'missing.pid'))).rejects.toThrow(
      `cannot read the NATS server's pid file ${join(dir, 'missing.pid')} (ENOENT)`,
    );
  });

  it('refuses a pid file that holds no process id', async () => {
    writeFileSync(pidFile, 'nats\n');
    await expect(signalNatsReload(pidFile)).rejects.toThrow('does not hold a process id');
  });

  it('never signals a process that is not nats-server (a stale pid file)', async () => {
    writeFileSync(pidFile, `${other.pid}\n`);
    await expect(signalNatsReload(pidFile)).rejects.toThrow(`process ${other.pid} named in ${pidFile} is not nats-server`);
    expect(other.exitCode).toBeNull();
    expect(other.signalCode).toBeNull();
  });
});
