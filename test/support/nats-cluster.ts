import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { connect, JetStreamManager, NatsConnection, StorageType } from 'nats';

import { freePort, NATS_SERVER_BINARY, waitForPort } from './nats-server';
import { uniqueSuffix } from './unique';
import { waitFor } from './wait-for';

interface Member {
  name: string;
  port: number;
  clusterPort: number;
  dir: string;
  proc: ChildProcess | null;
}

/**
 * Three (or more) nats-server processes on local ports forming one JetStream cluster, for a suite that
 * needs replicated streams: a server can be killed (SIGKILL, as a crashed machine) and started again on
 * the same ports and store, and dispose() removes every server's directory. Each cluster has a name of
 * its own, so two suites' clusters never join.
 */
export class TestNatsCluster {
  readonly dir = mkdtempSync(join(tmpdir(), 'ccm-nats-cluster-'));
  private readonly clusterName = `ccm_${uniqueSuffix()}`;

  private constructor(private readonly members: Member[]) {}

  static async start(size = 3): Promise<TestNatsCluster> {
    const members: Member[] = [];
    for (let i = 0; i < size; i++)
      members.push({ name: `n${i + 1}`, port: await freePort(), clusterPort: await freePort(), dir: '', proc: null });
    const cluster = new TestNatsCluster(members);
    for (const member of members) member.dir = join(cluster.dir, member.name);
    for (let i = 0; i < size; i++) cluster.spawn(i);
    await Promise.all(members.map((m) => waitForPort(m.port, true)));
    await cluster.ready();
    return cluster;
  }

  /** Every server's client URL. */
  get urls(): string[] {
    return this.members.map((m) => `nats://127.0.0.1:${m.port}`);
  }

  /** All servers, comma-separated, as NATS_URL takes them. */
  get url(): string {
    return this.urls.join(',');
  }

  get size(): number {
    return this.members.length;
  }

  /** What server i has logged so far. */
  log(i: number): string {
    const file = join(this.members[i].dir, 'nats.log');
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  }

  /** Kills server i at once, with no chance to tell its peers (SIGKILL), and waits until its port is closed. */
  async kill(i: number): Promise<void> {
    const member = this.members[i];
    const proc = member.proc;
    member.proc = null;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGKILL');
    await exited;
    await waitForPort(member.port, false);
  }

  /** Starts server i again on its ports and store, and waits until it is back in the cluster. */
  async restart(i: number): Promise<void> {
    this.spawn(i);
    await waitForPort(this.members[i].port, true);
    await this.ready();
  }

  /**
   * Waits until the cluster has elected its meta leader and can place a replicated stream: every
   * running server answers JetStream's account info, and a throwaway stream with a replica on each
   * server is made and deleted. Until then a stream's creation fails ("JetStream system temporarily
   * unavailable"), which is expected for a few seconds after start.
   */
  async ready(timeoutMs = 30_000): Promise<void> {
    const running = this.members.filter((m) => m.proc);
    await waitFor(
      'the NATS cluster to elect its meta leader and place a replicated stream',
      async () => {
        const nc = await connect({ servers: running.map((m) => `nats://127.0.0.1:${m.port}`), timeout: 2000, reconnect: false });
        try {
          for (const m of running) await this.accountInfoFrom(m.port);
          const jsm = await nc.jetstreamManager({ timeout: 5000 });
          await this.placeProbe(jsm, running.length);
          return true;
        } finally {
          await nc.close();
        }
      },
      (ok) => ok,
      { timeoutMs, intervalMs: 250 },
    );
  }

  async dispose(): Promise<void> {
    for (let i = 0; i < this.members.length; i++) await this.kill(i);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private spawn(i: number): void {
    const m = this.members[i];
    mkdirSync(m.dir, { recursive: true });
    const routes = this.members.map((o) => `nats://127.0.0.1:${o.clusterPort}`).join(',');
    m.proc = spawn(
      NATS_SERVER_BINARY,
      [
        ...['-a', '127.0.0.1', '-p', String(m.port), '-n', m.name, '-js', '-sd', join(m.dir, 'js'), '-l', join(m.dir, 'nats.log')],
        ...['--cluster_name', this.clusterName, '--cluster', `nats://127.0.0.1:${m.clusterPort}`, '--routes', routes],
      ],
      { stdio: 'ignore' },
    );
  }

  private async accountInfoFrom(port: number): Promise<void> {
    const nc: NatsConnection = await connect({ servers: `nats://127.0.0.1:${port}`, timeout: 2000, reconnect: false });
    try {
      await (await nc.jetstreamManager({ timeout: 5000 })).getAccountInfo();
    } finally {
      await nc.close();
    }
  }

  private async placeProbe(jsm: JetStreamManager, replicas: number): Promise<void> {
    const name = `CCM_CLUSTER_PROBE_${uniqueSuffix()}`;
    await jsm.streams.add({ name, subjects: [`ccm_cluster_probe.${name}`], storage: StorageType.Memory, num_replicas: replicas });
    await jsm.streams.delete(name);
  }
}
