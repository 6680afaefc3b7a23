import { readFileSync } from 'node:fs';

import { EnvelopeSigner } from '@app/federation';
import { dropDatabase, newAuthKeyPair } from '@app/platform';

import { provisionHubCoop } from '../../../../apps/consortium-hub/src/bootstrap';
import { freePort } from '../../../../test/support/app-process';
import { answers, fleetBench, hubProcess, NODE_MAIN, startProcess, until } from '../../../fleet/fleet-bench';
import { BenchContext, Figure, FigureOutcome, sized } from '../figure';
import { cpuSeconds } from '../support/child-process';

const SMALL_YOUNG = '--max-semi-space-size=2';

/**
 * P7: N co-ops connected and heartbeating (every 5 s, the default), each with its own NATS
 * connection and durable consumer: the hub's CPU (cores, from /proc/<pid>/stat over the sampling
 * time) and resident memory. The hub runs as its own process from the built app in dist/ (ts-node
 * would add its compiler's memory to the hub's), built first if dist is missing or older than the
 * sources. Then an idle node process's resident memory, also from dist/.
 */
export const p7FleetFootprint: Figure = {
  id: 'P7',
  title: 'N co-ops connected and heartbeating; an idle node',
  async run(ctx: BenchContext): Promise<FigureOutcome> {
    const coops = sized(ctx, 200, 1000);
    const sampleSeconds = sized(ctx, 10, 20);
    const { env, config, fleet } = await fleetBench(ctx, 'p7', { coops });
    ctx.log(`P7 ${coops} co-ops provisioned; starting the hub process`);
    const { child: hub } = await hubProcess(ctx, env);
    ctx.log('P7 hub up; the fleet connects and registers; two idle nodes start');
    // Started now to save the figure's time, read once idle: a node's resident memory is its own,
    // whatever else the machine does. V8's young generation (16 MB semi-spaces by default) is much
    // of what an idle node holds beyond its code: the second node shows how much.
    const idleNodes = Promise.all([
      idleNodeRss(ctx, config, env, 'plain', []),
      idleNodeRss(ctx, config, env, 'small-young', [SMALL_YOUNG]),
    ]);
    idleNodes.catch(() => undefined);
    await fleet.connect();
    await fleet.start({ heartbeatMs: 5000 });
    if (!(await until(() => fleet.registered() === coops, 180_000)))
      throw new Error(`only ${fleet.registered()} of ${coops} co-ops registered`);
    ctx.log(`P7 registered; sampling the hub for ${sampleSeconds} s`);
    // Past the registrations' burst: what is measured is a consortium at rest, beating.
    await new Promise((r) => setTimeout(r, 3000));
    const before = cpuSeconds(hub);
    if (before === null) throw new Error("P7 reads the hub's CPU from /proc: Linux only");
    const began = performance.now();
    let hubRss = 0;
    while (performance.now() - began < sampleSeconds * 1000) {
      hubRss = Math.max(hubRss, rssBytes(hub.pid!));
      await new Promise((r) => setTimeout(r, 1000));
    }
    const cores = (cpuSeconds(hub)! - before) / ((performance.now() - began) / 1000);

    const [nodeRss, smallYoungRss] = await idleNodes;
    const fleetRss = process.memoryUsage().rss;
    return {
      sizes: { coops, sampleSeconds, heartbeatMs: 5000, connections: `${coops} (one a co-op)` },
      rows: [
        { measure: `hub CPU with ${coops} co-ops heartbeating`, unit: 'cores', value: cores, bar: { atMost: 0.5 } },
        { measure: `hub resident memory with ${coops} co-ops`, unit: 'MB', value: hubRss / 1048576, bar: { atMost: 1024 } },
        // The bar is on the node as `npm run start:node` and the compose file start it (with SMALL_YOUNG).
        {
          measure: `an idle node process as deployed (${SMALL_YOUNG}), resident memory`,
          unit: 'MB',
          value: smallYoungRss / 1048576,
          bar: { atMost: 150 },
        },
        { measure: "an idle node process with V8's default young generation", unit: 'MB', value: nodeRss / 1048576 },
        { measure: `the fleet simulator's own memory (${coops} connections, with the bench)`, unit: 'MB', value: fleetRss / 1048576 },
      ],
      checks: [{ name: 'every co-op registered', ok: fleet.registered() === coops, detail: `${fleet.registered()} of ${coops}` }],
    };
  },
};

/** An idle node: its own database, provisioned on the same hub, started from dist/, left alone a few seconds. */
async function idleNodeRss(
  ctx: BenchContext,
  config: Parameters<typeof provisionHubCoop>[0],
  hubEnv: Record<string, string>,
  name: string,
  nodeFlags: string[],
): Promise<number> {
  const coopId = `p7-${name}-${ctx.runId}`.toLowerCase();
  const { seed } = await provisionHubCoop(config, { coopId, name: `P7 idle node ${name} ${ctx.runId}` });
  const dbName = `ccm_bench_${ctx.runId}_p7_${name.replace(/-/g, '_')}`.toLowerCase();
  ctx.defer(() => dropDatabase({ host: ctx.db.host, port: ctx.db.port, user: ctx.db.user, password: ctx.db.password, database: dbName }));
  const port = await freePort();
  const node = startProcess(ctx, NODE_MAIN, nodeFlags, {
    PORT: String(port),
    NATS_URL: ctx.natsUrl,
    NATS_SUBJECT_ROOT: hubEnv.NATS_SUBJECT_ROOT,
    DB_HOST: ctx.db.host,
    DB_PORT: String(ctx.db.port),
    DB_USER: ctx.db.user,
    DB_PASSWORD: ctx.db.password,
    DB_NAME: dbName,
    COOP_ID: coopId,
    COOP_NAME: `P7 idle node ${name} ${ctx.runId}`,
    COOP_LOCALITIES: 'Marsden',
    NATS_NKEY_SEED: seed,
    HUB_PUBLIC_KEY: new EnvelopeSigner(config.NATS_NKEY_SEED).publicKey,
    AUTH_PUBLIC_KEY: newAuthKeyPair().AUTH_PUBLIC_KEY,
    LOG_LEVEL: 'silent',
  });
  if (!(await until(() => answers(port), 60_000, 250))) throw new Error('the node process did not start');
  // Past its start (registration, first heartbeats): the memory it then keeps while idle.
  await new Promise((r) => setTimeout(r, 4000));
  return rssBytes(node.pid!);
}

function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}
