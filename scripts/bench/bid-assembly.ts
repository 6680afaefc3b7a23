/**
 * `npm run bench:bid`: how long the consortium's bid takes to assemble (exact min-cost max-flow,
 * apps/consortium-hub/src/tendering/bid-assembly.rules.ts) for 100 co-ops and 50 lots, on random but
 * seeded tenders, so every run measures the same work. Prints the figures; exits 0.
 *
 * Usage: npm run bench:bid [-- --seed N --coops 100 --lots 50 --runs 30]
 */
import { performance } from 'node:perf_hooks';

import {
  assembleBid,
  ASSEMBLY_METHOD,
  CoopOffer,
  LotToCover,
  StatedCapacity,
} from '../../apps/consortium-hub/src/tendering/bid-assembly.rules';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SEED = arg('seed', 2026);
const COOPS = arg('coops', 100);
const LOTS = arg('lots', 50);
const RUNS = arg('runs', 30);

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
  };
}

/**
 * A region of 25 places. Each co-op serves one to three of them and offers on most lots in its own
 * places and a few elsewhere (a neighbour stretching), at 20 to 26 pounds an hour; a lot asks 10 to
 * 200 hours a week under a ceiling of 22 to 27 pounds; six co-ops in ten state a total below the sum
 * of their offers, so the caps bind. The dense case has every co-op offer on every lot: the largest
 * network 100 co-ops and 50 lots can make.
 */
function tender(seed: number, dense: boolean): { lots: LotToCover[]; offers: CoopOffer[]; stated: StatedCapacity[] } {
  const r = random(seed);
  const places = Array.from({ length: 25 }, (_, i) => `place-${i + 1}`);
  const lots: LotToCover[] = Array.from({ length: LOTS }, (_, i) => ({
    lotId: `lot-${String(i + 1).padStart(3, '0')}`,
    locality: r.pick(places),
    hoursPerWeek: r.int(10, 200),
    ceilingPencePerHour: r.int(22, 27) * 100,
  }));
  const offers: CoopOffer[] = [];
  const stated: StatedCapacity[] = [];
  for (let c = 0; c < COOPS; c++) {
    const coopId = `coop-${String(c + 1).padStart(3, '0')}`;
    const home = new Set(Array.from({ length: r.int(1, 3) }, () => r.pick(places)));
    let offered = 0;
    for (const lot of lots) {
      const local = home.has(lot.locality);
      if (!dense && r.next() >= (local ? 0.85 : 0.04)) continue;
      const hours = r.int(1, Math.min(lot.hoursPerWeek, 80));
      offers.push({ coopId, lotId: lot.lotId, hoursPerWeek: hours, pricePencePerHour: r.int(2000, 2650), local });
      offered += hours;
    }
    if (offered > 0 && r.next() < 0.6) stated.push({ coopId, totalHoursPerWeek: r.int(Math.ceil(offered / 3), offered) });
  }
  return { lots, offers, stated };
}

function measure(label: string, dense: boolean): number {
  const t = tender(SEED, dense);
  assembleBid(t.lots, t.offers, t.stated); // warm up the JIT
  const times: number[] = [];
  let bid = assembleBid(t.lots, t.offers, t.stated);
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    bid = assembleBid(t.lots, t.offers, t.stated);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  const over = bid.coops.filter((c) => c.allocatedHoursPerWeek > c.capHoursPerWeek).length;
  console.log(
    `${label} (seed ${SEED}): ${COOPS} co-ops, ${LOTS} lots, ${t.offers.length} offers (${t.offers.filter((o) => o.local).length} local), ${t.stated.length} co-ops stating a total`,
  );
  console.log(`  flow network: ${COOPS + LOTS + 2} nodes, ${t.offers.length + COOPS + LOTS} edges`);
  console.log(
    `  time over ${RUNS} runs: median ${ms(at(0.5))}, p90 ${ms(at(0.9))}, min ${ms(times[0])}, max ${ms(times[times.length - 1])}`,
  );
  console.log(
    `  bid: ${bid.allocatedHoursPerWeek} of ${bid.requiredHoursPerWeek} hours a week covered, ${bid.localHoursPerWeek} by local co-ops, ${bid.uncoveredLots.length} lots not fully covered, £${(bid.weeklyPricePence / 100).toFixed(2)} a week`,
  );
  console.log(`  co-ops allocated more than their cap: ${over}`);
  return over;
}

function main(): void {
  console.log(`bid assembly — ${ASSEMBLY_METHOD}`);
  const over = measure('typical tender', false) + measure('dense worst case, every co-op offering on every lot', true);
  if (over > 0) process.exitCode = 1;
}

main();
