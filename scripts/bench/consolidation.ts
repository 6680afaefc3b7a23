/**
 * How long the hub takes to consolidate one cycle's returns, disclosure control included, as the
 * number of co-ops grows. Synthetic but shaped like real returns: every metric of the current return definition,
 * breakdowns that add up to their totals, a few cells withheld on the nodes, small co-ops (so many
 * small counts to suppress), three localities per co-op from a shared pool.
 *
 *   npm run bench:reporting            (or: npm run bench, which runs every benchmark)
 *
 * Prints, for each size, the median and the slowest of several runs, and the heap used; then the
 * median of a second release checked against the first (a tenth of the co-ops joined since, and a
 * few corrected their return), as publishing release 2 does.
 */
import { CURRENT_RETURN_DEFINITION, DIMENSION_VOCABULARY, ratioValue, ReturnFigure, sameCell } from '@app/contracts';

import { consolidate, CoopReturn, EarlierRelease } from '../../apps/consortium-hub/src/reporting/consolidation.rules';

const SIZES = (process.env.BENCH_COOPS ?? '3,10,30,100,300,1000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

let seed = 12345;
function random(n: number): number {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
}

/** Splits a total into `parts` whole cells, some of them small. */
function split(total: number, parts: number): number[] {
  const cells = Array.from({ length: parts }, () => 0);
  for (let i = 0; i < total; i++) cells[random(3) === 0 ? 0 : random(parts)]++;
  return cells;
}

function syntheticReturn(index: number, localityPool: readonly string[]): CoopReturn {
  const localities = [0, 1, 2].map((k) => localityPool[(index * 3 + k) % localityPool.length]).filter((l, i, all) => all.indexOf(l) === i);
  const figures: ReturnFigure[] = [];
  for (const m of CURRENT_RETURN_DEFINITION.metrics) {
    if (m.consolidation.kind !== 'sum') continue;
    const total =
      m.unit === 'hours'
        ? Math.round(random(200_000)) / 100
        : m.validation.nullable && random(4) === 0
          ? null
          : random(m.countsPeople ? 60 : 40);
    figures.push({ metric: m.id, breakdown: null, value: total });
    for (const dimension of m.breakdowns) {
      const categories = DIMENSION_VOCABULARY[dimension] ?? localities;
      if (typeof total !== 'number') continue;
      const cells = m.unit === 'hours' ? [total, ...categories.slice(1).map(() => 0)] : split(total, categories.length);
      categories.forEach((category, i) => figures.push({ metric: m.id, breakdown: { [dimension]: category }, value: cells[i] }));
      // The node withholds a small cell and its partner, as withholdOnNode does.
      if (m.countsPeople) {
        const small = categories.map((_, i) => i).filter((i) => cells[i] >= 1 && cells[i] <= 2);
        if (small.length) {
          const partner = categories.map((_, i) => i).find((i) => !small.includes(i) && cells[i] > 0);
          for (const i of partner === undefined ? small : [...small, partner]) {
            const f = figures.find((x) => x.metric === m.id && sameCell(x.breakdown, { [dimension]: categories[i] }))!;
            f.value = null;
            f.suppressedOnNode = true;
          }
        }
      }
    }
  }
  const valueOf = (metric: string, breakdown: ReturnFigure['breakdown']) =>
    figures.find((f) => f.metric === metric && sameCell(f.breakdown, breakdown))?.value;
  for (const m of CURRENT_RETURN_DEFINITION.metrics) {
    const c = m.consolidation;
    if (c.kind === 'ratio') {
      const value = ratioValue(c, (ref) => valueOf(ref.metric, ref.breakdown));
      figures.push(
        value === undefined
          ? { metric: m.id, breakdown: null, value: null, suppressedOnNode: true }
          : { metric: m.id, breakdown: null, value },
      );
    }
    if (c.kind === 'weighted-mean') figures.push({ metric: m.id, breakdown: null, value: random(1000) / 10 });
    if (c.kind === 'distribution') figures.push({ metric: m.id, breakdown: null, value: random(5) });
  }
  return { coopId: `coop-${String(index).padStart(4, '0')}`, figures };
}

function main(): void {
  console.log(
    `Consolidating one cycle of ${CURRENT_RETURN_DEFINITION.id} v${CURRENT_RETURN_DEFINITION.version} (${CURRENT_RETURN_DEFINITION.metrics.length} metrics), ${RUNS} runs per size`,
  );
  console.log('co-ops  localities  median ms  slowest ms  suppressed  heap MB  release 2 ms');
  for (const coops of SIZES) {
    const pool = Array.from({ length: Math.max(12, Math.ceil(coops / 2)) }, (_, i) => `Locality ${String(i).padStart(3, '0')}`);
    const returns = Array.from({ length: coops }, (_, i) => syntheticReturn(i, pool));
    const times: number[] = [];
    let suppressed = 0;
    for (let run = 0; run < RUNS; run++) {
      const started = process.hrtime.bigint();
      const report = consolidate(CURRENT_RETURN_DEFINITION, returns);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      suppressed = JSON.stringify(report.metrics).split('{"suppressed":true}').length - 1;
    }
    times.sort((a, b) => a - b);
    const localities = new Set(returns.flatMap((r) => r.figures.filter((f) => f.breakdown?.locality).map((f) => f.breakdown!.locality)))
      .size;
    const heap = process.memoryUsage().heapUsed / 2 ** 20;
    const second = releaseTwo(returns, pool);
    console.log(
      `${String(coops).padStart(6)}  ${String(localities).padStart(10)}  ${times[Math.floor(times.length / 2)].toFixed(1).padStart(9)}  ${times[times.length - 1].toFixed(1).padStart(10)}  ${String(suppressed).padStart(10)}  ${heap.toFixed(0).padStart(7)}  ${second.toFixed(1).padStart(12)}`,
    );
  }
}

/** The median time to consolidate release 2 against release 1: a tenth of the co-ops joined, every twentieth corrected. */
function releaseTwo(returns: readonly CoopReturn[], pool: readonly string[]): number {
  const joined = Math.max(1, Math.floor(returns.length / 10));
  // Every twentieth co-op's return then was another (it has corrected it since); the random
  // sequence is put back, so the sizes after this one get the same returns as without it.
  const saved = seed;
  const then = returns.slice(joined).map((r, i) => (i % 20 === 0 ? { ...syntheticReturn(returns.length + i, pool), coopId: r.coopId } : r));
  seed = saved;
  const earlier: EarlierRelease = {
    name: 'a holder of release 1',
    returns: then,
    published: consolidate(CURRENT_RETURN_DEFINITION, then).metrics,
  };
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = process.hrtime.bigint();
    consolidate(CURRENT_RETURN_DEFINITION, returns, { earlierReleases: [earlier] });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

main();
