import { randomUUID } from 'node:crypto';

import { connect, RequestStrategy } from 'nats';

import { encodeQuestion, mondayOf, SPARE_CARE_HOURS_V1, subjectScheme } from '@app/contracts';

import { fleetBench, hubProcess, until } from '../../../fleet/fleet-bench';
import { BenchContext, Figure, FigureOutcome, sized } from '../figure';

const RUNS = 5;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * P3: a live question to N co-ops through the hub's real endpoint (POST /live-questions/spare-care-hours:
 * the registry read, the keys, the question, every signed answer checked and counted, the summary),
 * timed from the request to the response while every co-op answers, so the hub stops as soon as all
 * expected answers are in; against a raw request-many of the same question to the same N nodes. Then, with some co-ops silent, every live answer must be counted and every silent
 * co-op named (that question waits for its deadline, so it is not timed).
 */
export const p3LiveQuestion: Figure = {
  id: 'P3',
  title: 'a live question to N co-ops',
  async run(ctx: BenchContext): Promise<FigureOutcome> {
    const coops = sized(ctx, 200, 1000);
    const silentCount = Math.max(1, Math.round(coops / 20));
    const { config, env, fleet, staffToken } = await fleetBench(ctx, 'p3', { coops });
    // Its own process, as deployed: checking answers runs beside the simulated nodes' answering, not on their thread.
    const { url } = await hubProcess(ctx, env);
    await fleet.connect();
    await fleet.start({ heartbeatMs: 5000 });
    if (!(await until(() => fleet.registered() === coops, 180_000)))
      throw new Error(`only ${fleet.registered()} of ${coops} co-ops registered`);
    const ask = async (deadlineMs: number) => {
      const res = await fetch(`${url}/live-questions/spare-care-hours`, {
        method: 'POST',
        headers: { authorization: `Bearer ${staffToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ deadlineMs }),
      });
      if (res.status !== 200) throw new Error(`the live question answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as {
        asked: string[];
        replied: { coopId: string }[];
        notReplied: { coopId: string; reason: string }[];
        elapsedMs: number;
      };
    };
    // Every co-op online in the registry before timing: the hub asks only those it sees beating.
    await until(async () => (await ask(200)).asked.length === coops, 30_000, 500);

    const hubMs: number[] = [];
    const gatheringMs: number[] = [];
    let allCounted = true;
    for (let i = 0; i < RUNS; i++) {
      const began = performance.now();
      const result = await ask(15_000);
      hubMs.push(performance.now() - began);
      gatheringMs.push(result.elapsedMs);
      allCounted &&= result.replied.length === coops;
    }

    const rawMs = await rawRequestMany(ctx.natsUrl, config.NATS_SUBJECT_ROOT, coops);

    for (const node of fleet.nodes.slice(coops - silentCount)) node.silent = true;
    const withSilent = await ask(2000);
    const silent = new Set(fleet.nodes.slice(coops - silentCount).map((n) => n.coopId));
    const replied = new Set(withSilent.replied.map((r) => r.coopId));
    const named = withSilent.notReplied.filter((n) => silent.has(n.coopId) && n.reason === 'no-answer-in-time');
    return {
      sizes: { coops, silent: silentCount, runs: RUNS },
      notes: [
        `of which the hub's gathering (question out to last answer checked): median ${median(gatheringMs)} ms; the rest is the HTTP request, the registry read and the keys`,
      ],
      rows: [
        {
          measure: `time until every answer of ${coops} co-ops is in (median of ${RUNS})`,
          unit: 'ms',
          value: median(hubMs),
          baseline: median(rawMs),
          baselineIs: `raw nats request-many of the same question to the same ${coops} responders`,
          bar: { ratioAtMost: 2 },
        },
      ],
      checks: [
        { name: 'every co-op counted when all answer', ok: allCounted },
        {
          name: 'every live responder counted',
          ok: replied.size === coops - silentCount && fleet.nodes.every((n) => n.silent || replied.has(n.coopId)),
          detail: `${replied.size} of ${coops - silentCount}`,
        },
        {
          name: 'every silent co-op named',
          ok: named.length === silentCount && withSilent.notReplied.length === silentCount,
          detail: `${named.length} of ${silentCount}`,
        },
      ],
    };
  },
};

/**
 * The same question to the same responders by hand: a raw nats request-many on the question's subject
 * from a plain connection, counting replies until all N are in. The fleet's nodes answer it as they
 * answer the hub (a signed answer each), so what differs is only what the hub does: its HTTP request,
 * the registry read, and checking and counting every answer.
 */
async function rawRequestMany(natsUrl: string, root: string, expected: number): Promise<number[]> {
  const nc = await connect({ servers: natsUrl });
  const times: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const question = encodeQuestion({ questionId: randomUUID(), weekStart: mondayOf(new Date()) });
      const began = performance.now();
      let got = 0;
      const replies = await nc.requestMany(subjectScheme(root).query(SPARE_CARE_HOURS_V1.name), question, {
        strategy: RequestStrategy.Count,
        maxMessages: expected,
        maxWait: 15_000,
      });
      for await (const m of replies) if (m.data.length > 0) got++;
      if (got !== expected) throw new Error(`the raw request-many had ${got} of ${expected} replies`);
      times.push(performance.now() - began);
    }
  } finally {
    await nc.close();
  }
  return times;
}
