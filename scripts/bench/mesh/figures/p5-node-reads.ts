import { ChildProcess } from 'node:child_process';

import autocannon from 'autocannon';

import { seedNode } from '../../../../apps/local-coop-node/src/bootstrap';
import { freePort } from '../../../../test/support/app-process';
import { Figure, FigureOutcome, Row, sized } from '../figure';
import { answering, cpuSeconds, startTsProcess } from '../support/child-process';
import { APP_POOL_SIZE } from '../support/raw-postgres';
import { BenchMesh } from '../support/servers';

const COOP = 'reads-vale';
/** Concurrent connections autocannon keeps open: the pool's size, so neither side queues on the pool alone. */
const CONNECTIONS = APP_POOL_SIZE;

interface Load {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function load(url: string, headers: Record<string, string>, seconds: number): Promise<Load> {
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: seconds });
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** What the load cost the server in CPU seconds, with the load's outcome (null CPU where it cannot be read). */
async function costOf(server: ChildProcess, run: () => Promise<Load>): Promise<[Load, number | null]> {
  const before = cpuSeconds(server);
  const outcome = await run();
  const after = cpuSeconds(server);
  return [outcome, before === null || after === null ? null : after - before];
}

/**
 * P5: a node's HTTP reads. A node seeded with its sample co-op (`seed`) serves `GET /members` (a
 * co-op admin's token: the first page of active members with their share balances) to autocannon;
 * the baseline is a bare NestJS + pg app running the same two statements on a pool of the same size.
 * Both run as their own processes with the same runtime (ts-node, transpile only): autocannon in the
 * bench's process would share an event loop with the app it measures.
 */
export const p5NodeReads: Figure = {
  id: 'P5',
  title: "a node's HTTP reads against a bare NestJS + pg endpoint",
  async run(ctx): Promise<FigureOutcome> {
    const seconds = sized(ctx, 5, 15);
    const mesh = new BenchMesh(ctx, 'P5');
    const env = mesh.nodeEnv(COOP);
    ctx.log('P5: seeding the node');
    const seeded = await seedNode(mesh.nodeConfig(COOP), 1);

    const nodePort = await freePort();
    const node = startTsProcess(ctx, 'apps/local-coop-node/src/main.ts', ['serve'], { ...env, PORT: String(nodePort) });
    const barePort = await freePort();
    const bare = startTsProcess(ctx, 'scripts/bench/mesh/support/bare-app.ts', [], {
      PORT: String(barePort),
      DB_HOST: ctx.db.host,
      DB_PORT: String(ctx.db.port),
      DB_USER: ctx.db.user,
      DB_PASSWORD: ctx.db.password,
      DB_NAME: env.DB_NAME,
    });
    const nodeUrl = `http://127.0.0.1:${nodePort}/members`;
    const bareUrl = `http://127.0.0.1:${barePort}/members`;
    const auth = { authorization: `Bearer ${mesh.nodeToken(COOP, 'coop-admin')}` };
    await answering(node, nodeUrl, auth);
    await answering(bare, bareUrl);

    const nodePage = (await (await fetch(nodeUrl, { headers: auth })).json()) as { items: unknown[]; total: number };
    const barePage = (await (await fetch(bareUrl)).json()) as { items: unknown[]; total: number };

    ctx.log(`P5: ${seconds} s of load on each, ${CONNECTIONS} connections (after a second's warm-up)`);
    await load(nodeUrl, auth, 1);
    const [mesh_, nodeCpu] = await costOf(node, () => load(nodeUrl, auth, seconds));
    await load(bareUrl, {}, 1);
    const [raw, bareCpu] = await costOf(bare, () => load(bareUrl, {}, seconds));
    const cpuRow: Row[] =
      nodeCpu === null || bareCpu === null
        ? []
        : [
            {
              measure: 'GET /members: CPU a request (steadier than the rate on a shared machine)',
              unit: 'ms',
              value: (nodeCpu * 1000) / mesh_.requests,
              baseline: (bareCpu * 1000) / raw.requests,
              baselineIs: 'the bare endpoint',
            },
          ];

    return {
      sizes: { seconds, connections: CONNECTIONS, poolSize: APP_POOL_SIZE, members: nodePage.total },
      rows: [
        {
          measure: 'GET /members: requests a second',
          unit: 'req/s',
          value: mesh_.requestsPerSecond,
          baseline: raw.requestsPerSecond,
          baselineIs: 'a bare NestJS + pg endpoint running the same SQL',
          bar: { ratioAtLeast: 0.5 },
        },
        { measure: 'GET /members: p50 latency', unit: 'ms', value: mesh_.p50, baseline: raw.p50, baselineIs: 'the bare endpoint' },
        { measure: 'GET /members: p99 latency', unit: 'ms', value: mesh_.p99, baseline: raw.p99, baselineIs: 'the bare endpoint' },
        ...cpuRow,
      ],
      checks: [
        {
          name: 'both endpoints read the same page',
          ok: nodePage.total === barePage.total && nodePage.items.length === barePage.items.length && nodePage.total > 0,
          detail: `node ${nodePage.items.length} of ${nodePage.total} members, bare ${barePage.items.length} of ${barePage.total} (seeded ${JSON.stringify(seeded).slice(0, 80)})`,
        },
        {
          name: 'every request answered 200',
          ok: mesh_.non2xx + mesh_.errors + raw.non2xx + raw.errors === 0,
          detail: `node ${mesh_.non2xx} not 2xx, ${mesh_.errors} errors; bare ${raw.non2xx} not 2xx, ${raw.errors} errors`,
        },
      ],
      notes: [
        'the node and the bare app each run as a process of their own (ts-node, transpile only); autocannon runs in the bench process',
      ],
    };
  },
};
