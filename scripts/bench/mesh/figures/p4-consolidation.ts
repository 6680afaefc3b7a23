import { COOP_PROFILE_UPDATED_V1, CURRENT_RETURN_DEFINITION, findMetric, quarterOf, REPORTING_RETURN_SUBMITTED_V1 } from '@app/contracts';
import { todayIso } from '@app/platform';

import { ConsolidatedReports } from '../../../../apps/consortium-hub/src/reporting';
import { OpenCycle } from '../../../../apps/consortium-hub/src/reporting/open-cycle.use-case';
import { Figure, FigureOutcome, sized } from '../figure';
import { allApplied, appliedCounter, publishAll, signedMessage } from '../support/hub-intake';
import { APP_POOL_SIZE, rawPool } from '../support/raw-postgres';
import { syntheticReturn } from '../support/returns';
import { BenchMesh } from '../support/servers';
import { benchConnection, streamTaking } from '../support/streams';
import { elapsedMs, median } from '../support/timing';

const LOCALITIES = ['Marsden', 'Slaithwaite', 'Golcar', 'Linthwaite', 'Meltham', 'Holmfirth', 'Honley', 'Kirkburton', 'Mirfield', 'Batley'];

/**
 * The raw baseline: every figure of the cycle's current returns summed and averaged per metric and
 * breakdown cell (locality among them) in one statement, straight from the stored submissions.
 */
const RAW_AGGREGATE = `
  SELECT f->>'metric' AS metric, f->'breakdown' AS breakdown,
         sum((f->>'value')::numeric) AS total, avg((f->>'value')::numeric) AS mean, count(f->>'value')::int AS n
    FROM return_submission s CROSS JOIN LATERAL jsonb_array_elements(s.figures->'figures') f
   WHERE s.cycle_id = $1 AND s.superseded_at IS NULL
   GROUP BY 1, 2`;

interface RawCell {
  metric: string;
  breakdown: Record<string, string> | null;
  total: string | null;
}

/**
 * P4: consolidating one return cycle with disclosure control. N co-ops are provisioned and send their
 * profile (their localities); staff open a cycle with the hub's own use case; each co-op publishes a
 * valid signed return as its node would, and the hub applies it. Then the hub's consolidation, as the
 * report endpoint runs it for a live look (the query of current returns, consolidation with
 * disclosure control, labels), is timed against the raw SQL aggregate of the same submissions.
 */
export const p4Consolidation: Figure = {
  id: 'P4',
  title: 'consolidating a return cycle against a raw SQL aggregate',
  async run(ctx): Promise<FigureOutcome> {
    const n = sized(ctx, 200, 1000);
    const runs = sized(ctx, 5, 7);
    const mesh = new BenchMesh(ctx, 'P4');
    const coops = Array.from({ length: n }, (_, i) => `return-coop-${i}`);
    ctx.log(`P4: provisioning ${n} co-ops`);
    const signers = await mesh.provision(coops);
    const hub = await mesh.startHub();
    const applied = appliedCounter(hub);
    const nc = await benchConnection(ctx, 'bench P4');
    const js = nc.jetstream();
    await streamTaking(await nc.jetstreamManager(), mesh.scheme.coopMessage(coops[0], 'bench.probe'));

    const localitiesOf = (i: number) => LOCALITIES.filter((_, k) => k === i % LOCALITIES.length || k === (i * 7 + 3) % LOCALITIES.length);
    const profiles = coops.map((coopId, i) =>
      signedMessage(
        mesh.scheme,
        signers.get(coopId)!,
        COOP_PROFILE_UPDATED_V1,
        {
          name: `${coopId} care co-op`,
          legalForm: 'community-benefit-society',
          localities: localitiesOf(i),
          servicesOffered: ['personal-care'],
          nodeVersion: '0.1.0',
        },
        coopId,
        new Date(Date.now() - 60_000),
      ),
    );
    await publishAll(js, profiles);
    await allApplied(
      applied,
      profiles.map((m) => m.id),
    );

    const period = quarterOf(todayIso())!;
    const dueAt = new Date(Date.parse(period.end) + 14 * 86_400_000).toISOString();
    const cycle = await hub.get(OpenCycle).execute({ period: period.label, dueAt }, { subject: 'bench-staff', role: 'consortium-staff' });
    ctx.log(`P4: ${n} co-ops submit their return for ${period.label}`);
    const madeAt = new Date();
    const returns = coops.map((coopId, i) =>
      signedMessage(
        mesh.scheme,
        signers.get(coopId)!,
        REPORTING_RETURN_SUBMITTED_V1,
        syntheticReturn(i, localitiesOf(i), { cycleId: cycle.id, period }),
        coopId,
        madeAt,
      ),
    );
    await publishAll(js, returns);
    await allApplied(
      applied,
      returns.map((m) => m.id),
    );

    ctx.log(`P4: consolidating ${runs} times, and the raw aggregate ${runs} times`);
    const reports = hub.get(ConsolidatedReports);
    const hubTimes: number[] = [];
    const consolidateTimes: number[] = [];
    let report: Awaited<ReturnType<ConsolidatedReports['report']>> | null = null;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      report = await reports.report(cycle.id, { basis: 'submitted' }, true);
      hubTimes.push(elapsedMs(started));
      consolidateTimes.push(report.consolidationMs ?? 0);
    }
    const pool = await rawPool(ctx, mesh.database('hub'), APP_POOL_SIZE);
    const rawTimes: number[] = [];
    let raw: RawCell[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      raw = (await pool.query(RAW_AGGREGATE, [cycle.id])).rows as RawCell[];
      rawTimes.push(elapsedMs(started));
    }

    const comparison = compare(report!, raw);
    return {
      sizes: { coops: n, runs, metrics: report!.metrics.length },
      rows: [
        {
          measure: `time to consolidate one cycle of ${n} returns, disclosure control included (median of ${runs})`,
          unit: 'ms',
          value: median(hubTimes),
          baseline: median(rawTimes),
          baselineIs: 'one SQL statement: sum and mean per metric and breakdown cell over the stored submissions',
          bar: { ratioAtMost: 3 },
        },
      ],
      checks: [
        {
          name: 'every return applied',
          ok: report!.coverage.coops === n,
          detail: `${report!.coverage.coops} of ${n} co-ops in the report`,
        },
        {
          name: 'consolidated totals equal the raw SQL sums where shown',
          ok: comparison.mismatches.length === 0 && comparison.compared > 0,
          detail: `${comparison.compared} figures compared (totals and locality cells of summed metrics), ${comparison.suppressed} suppressed; ${comparison.mismatches.length} differ${comparison.mismatches.length ? `: ${comparison.mismatches.slice(0, 3).join('; ')}` : ''}`,
        },
      ],
      notes: [
        `of the hub's time, consolidation and disclosure control in memory took ${median(consolidateTimes).toFixed(1)} ms (median); the rest is reading the returns and presenting the report`,
        `suppressed figures in the report: ${report!.disclosure.suppressedFigures}`,
      ],
    };
  },
};

/** The report's summed figures (totals and locality cells) against the raw SQL sums; suppressed ones are not comparable. */
function compare(
  report: {
    metrics: readonly {
      id: string;
      total: unknown;
      breakdowns: readonly { dimension: string; cells: readonly { category: string; value: unknown }[] }[];
    }[];
  },
  raw: readonly RawCell[],
): { compared: number; suppressed: number; mismatches: string[] } {
  const sumOf = (metric: string, breakdown: Record<string, string> | null) => {
    const cell = raw.find((r) => r.metric === metric && JSON.stringify(r.breakdown) === JSON.stringify(breakdown));
    return cell?.total === null || cell?.total === undefined ? null : Number(cell.total);
  };
  let compared = 0;
  let suppressed = 0;
  const mismatches: string[] = [];
  const check = (metric: string, breakdown: Record<string, string> | null, value: unknown) => {
    if (typeof value !== 'number') {
      if (value !== null) suppressed++;
      return;
    }
    compared++;
    const expected = sumOf(metric, breakdown);
    if (expected === null || Math.abs(expected - value) > 0.005)
      mismatches.push(`${metric} ${JSON.stringify(breakdown)}: ${value} vs ${expected}`);
  };
  for (const metric of report.metrics) {
    if (!raw.some((r) => r.metric === metric.id && r.breakdown === null)) continue;
    if (findMetric(CURRENT_RETURN_DEFINITION, metric.id)?.consolidation.kind !== 'sum') continue;
    check(metric.id, null, metric.total);
    for (const b of metric.breakdowns)
      if (b.dimension === 'locality') for (const c of b.cells) check(metric.id, { locality: c.category }, c.value);
  }
  return { compared, suppressed, mismatches };
}
