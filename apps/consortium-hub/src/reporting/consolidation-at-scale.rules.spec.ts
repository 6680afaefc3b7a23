import { createHash } from 'node:crypto';

import { CURRENT_RETURN_DEFINITION, DIMENSION_VOCABULARY, ReturnFigure } from '@app/contracts';

import { consolidate, CoopReturn, EarlierRelease } from './consolidation.rules';

/**
 * A cycle of hundreds of co-ops, shaped like real returns (every metric of the current definition,
 * breakdowns adding up, localities from a shared pool, optional metrics left out, cells withheld on
 * the nodes, small counts), consolidated alone and as a second release against a first. The digests
 * are those of the reports the consolidation made before it was made faster for 1,000 co-ops
 * (docs/benchmarks.md, P4): a change of speed must not change one figure, one suppression or one
 * reason. A change of the rules, or of the current definition, changes them on purpose: print the new
 * digests then, and say in the commit why the reports differ.
 */
function generator(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

function cycle(coops: number, localityPool: number, seed: number): CoopReturn[] {
  const random = generator(seed);
  const pool = Array.from({ length: localityPool }, (_, i) => `Locality ${String(i).padStart(3, '0')}`);
  return Array.from({ length: coops }, (_, index) => {
    const localities = [...new Set([0, 1, 2].map((k) => pool[(index * 3 + k * 7) % pool.length]))];
    const figures: ReturnFigure[] = [];
    for (const m of CURRENT_RETURN_DEFINITION.metrics) {
      const c = m.consolidation;
      if (c.kind !== 'sum') {
        // Rates and means as a node sends them (their values matter less here than that they are there).
        const value = c.kind === 'distribution' ? random(5) : random(6) === 0 ? null : random(1000) / 10;
        figures.push({ metric: m.id, breakdown: null, value, ...(value === null ? { suppressedOnNode: true } : {}) });
        continue;
      }
      const total = m.validation.nullable && random(5) === 0 ? null : random(m.countsPeople ? (random(4) === 0 ? 6 : 50) : 400);
      figures.push({ metric: m.id, breakdown: null, value: total });
      if (total === null) continue;
      for (const dimension of m.breakdowns) {
        const categories = DIMENSION_VOCABULARY[dimension] ?? (dimension === 'locality' ? localities : []);
        if (categories.length === 0) continue;
        const cells = categories.map(() => 0);
        for (let i = 0; i < total; i++) cells[random(3) === 0 ? 0 : random(categories.length)]++;
        categories.forEach((category, i) => {
          // A node withholds some small cells (and says so): the hub estimates them.
          const withheld = m.countsPeople && cells[i] >= 1 && cells[i] <= 2 && random(2) === 0;
          figures.push({
            metric: m.id,
            breakdown: { [dimension]: category },
            value: withheld ? null : cells[i],
            ...(withheld ? { suppressedOnNode: true } : {}),
          });
        });
      }
    }
    return { coopId: `coop-${String(index).padStart(4, '0')}`, figures };
  });
}

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

describe('consolidating a cycle of hundreds of co-ops', () => {
  it('gives the very reports it gave before it was made faster', () => {
    const many = cycle(400, 10, 41);
    const spread = cycle(300, 150, 43);
    const first = consolidate(CURRENT_RETURN_DEFINITION, many.slice(40));
    const earlier: EarlierRelease = { name: 'release 1', returns: many.slice(40), published: first.metrics };
    const corrected = many.map((r, i) => (i % 25 === 0 ? { ...cycle(1, 10, 1000 + i)[0], coopId: r.coopId } : r));
    const second = consolidate(CURRENT_RETURN_DEFINITION, corrected, { earlierReleases: [earlier] });
    const reports = { first, second, spread: consolidate(CURRENT_RETURN_DEFINITION, spread) };
    const suppressed = (r: typeof first) => r.suppressions.length;
    expect(
      Object.values(reports)
        .map(suppressed)
        .every((n) => n > 0),
    ).toBe(true);
    expect(Object.fromEntries(Object.entries(reports).map(([k, r]) => [k, digest(r)]))).toEqual(GOLDEN);
  });
});

// Version 3 changed the digests on purpose: issue 17's two time-credit metrics (ee334905af56b82f,
// e0ede4a9a08b2533, 63929862828f369d with those alone), then issue 16's places: people visited, and care hours
// by locality; then issue 16's node records (COPM goals, safeguarding by category, spend, the Type B share,
// tagged contract hours) (6239136bc91b90d6, fc9c1e6795ed9a4f, 835c483bcc4c66fa); then a rate leaving out the co-ops that
// record none of its parts (only local_supplier_spend_percent moved). Version 2 still gives the earlier ones
// (152869a25dad01d2, 9749dc06a8af95b4, 7caedb5f3606d9cd).
const GOLDEN = { first: '40cbd1a978510f5f', second: '4d3d36be33e67af8', spread: 'c82a95ce9e310125' };
