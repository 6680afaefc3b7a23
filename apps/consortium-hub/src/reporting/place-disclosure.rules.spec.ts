import { CCM_QUARTERLY_V3, findMetric, ReturnDefinition, ReturnFigure } from '@app/contracts';

import { consolidate, CoopReturn, ReportMetric, ReportValue } from './consolidation.rules';
import { coalitions } from './disclosure-attacks.testing';

/*
 * Attacks on hours by locality and service type. The returns are built from people: each person
 * lives in one locality, belongs to one co-op and has hours of one or more service types, so each
 * test knows, for every published figure, exactly who is behind it. Readers: anyone with the
 * report, each co-op (which knows its own people), any two co-ops pooling, and a holder of an
 * earlier release.
 */

const THRESHOLD = 4;
const SERVICES = ['personal-care', 'domestic-help', 'gardening'] as const;

// The real definitions of version 3: people visited, and the delivered hours they stand behind.
const PEOPLE = findMetric(CCM_QUARTERLY_V3, 'people_visited')!;
const HOURS = findMetric(CCM_QUARTERLY_V3, 'care_hours_delivered')!;
const DEFINITION: ReturnDefinition = { ...CCM_QUARTERLY_V3, metrics: [PEOPLE, HOURS] };

interface Person {
  readonly id: string;
  readonly coop: string;
  readonly locality: string;
  /** Hours by service type; a person has at least one. */
  readonly hours: Partial<Record<(typeof SERVICES)[number], number>>;
}

/** The return each co-op's node would send (the vocabulary here is the three services above; the hub takes them from the cells). */
function returnsOf(people: readonly Person[], localities: readonly string[]): CoopReturn[] {
  const coops = [...new Set(people.map((p) => p.coop))].sort();
  return coops.map((coop) => {
    const mine = people.filter((p) => p.coop === coop);
    const figures: ReturnFigure[] = [];
    const hoursOf = (ps: readonly Person[], s?: string) =>
      Math.round(
        ps.reduce((a, p) => a + Object.entries(p.hours).reduce((b, [k, v]) => b + (s === undefined || s === k ? v! : 0), 0), 0) * 100,
      ) / 100;
    figures.push({ metric: PEOPLE.id, breakdown: null, value: mine.length }, { metric: HOURS.id, breakdown: null, value: hoursOf(mine) });
    for (const s of SERVICES) figures.push({ metric: HOURS.id, breakdown: { service_type: s }, value: hoursOf(mine, s) });
    for (const l of localities) {
      const here = mine.filter((p) => p.locality === l);
      figures.push({ metric: PEOPLE.id, breakdown: { locality: l }, value: here.length });
      figures.push({ metric: HOURS.id, breakdown: { locality: l }, value: hoursOf(here) });
      for (const s of SERVICES) {
        figures.push({
          metric: PEOPLE.id,
          breakdown: { locality: l, service_type: s },
          value: here.filter((p) => p.hours[s] !== undefined).length,
        });
        figures.push({ metric: HOURS.id, breakdown: { locality: l, service_type: s }, value: hoursOf(here, s) });
      }
    }
    return { coopId: coop, figures };
  });
}

/** A published figure of the hours table with the people behind it: a cell, a margin or the total. */
interface Figure {
  readonly name: string;
  readonly value: ReportValue;
  readonly behind: readonly Person[];
}

function figuresOf(
  hours: ReportMetric,
  people: readonly Person[],
): { cells: Figure[][]; rows: Figure[]; columns: Figure[]; total: Figure } {
  const cross = hours.crossBreakdowns![0];
  const having = (l?: string, s?: string) =>
    people.filter((p) => (l === undefined || p.locality === l) && (s === undefined || p.hours[s as keyof Person['hours']] !== undefined));
  const margin = (dimension: string, category: string) =>
    hours.breakdowns.find((b) => b.dimension === dimension)!.cells.find((c) => c.category === category)!.value;
  return {
    cells: cross.rowCategories.map((l, r) =>
      cross.columnCategories.map((s, c) => ({ name: `${l} × ${s}`, value: cross.cells[r][c], behind: having(l, s) })),
    ),
    rows: cross.rowCategories.map((l) => ({ name: l, value: margin('locality', l), behind: having(l) })),
    columns: cross.columnCategories.map((s) => ({ name: s, value: margin('service_type', s), behind: having(undefined, s) })),
    total: { name: 'total', value: hours.total, behind: people },
  };
}

const hidden = (f: Figure) => typeof f.value !== 'number';
const readersOf = (people: readonly Person[]) => coalitions([...new Set(people.map((p) => p.coop))].sort(), 2);
const small = (n: number) => n >= 1 && n <= THRESHOLD;
/** The people of a group a reader does not know: those of co-ops outside the reader's coalition, each once. */
const rest = (group: readonly Person[], reader: readonly string[]) =>
  new Set(group.filter((p) => !reader.includes(p.coop)).map((p) => p.id)).size;

/** Every way a reader can add up published hours: each figure shown, and each line's hidden group when its total is shown. */
function leaks(hours: ReportMetric, people: readonly Person[]): string[] {
  const { cells, rows, columns, total } = figuresOf(hours, people);
  const lines: [string, Figure[], Figure][] = [
    ...rows.map((row, r): [string, Figure[], Figure] => [row.name, cells[r], row]),
    ...columns.map((column, c): [string, Figure[], Figure] => [column.name, cells.map((line) => line[c]), column]),
    ['the localities', rows, total],
    ['the service types', columns, total],
  ];
  const found: string[] = [];
  for (const reader of readersOf(people)) {
    const who = reader.join('+') || 'anyone';
    for (const f of [...cells.flat(), ...rows, ...columns, total])
      if (!hidden(f) && small(rest(f.behind, reader))) found.push(`${who} sees the hours of ${rest(f.behind, reader)} in ${f.name}`);
    for (const [name, line, lineTotal] of lines) {
      const group = line.filter(hidden);
      if (hidden(lineTotal) || group.length === 0) continue;
      if (group.length === 1) found.push(`${who} works out ${group[0].name} from ${name}`);
      const behind = new Set(group.flatMap((f) => f.behind));
      if (small(rest([...behind], reader))) found.push(`${who} works out the hours of ${rest([...behind], reader)} hidden in ${name}`);
    }
  }
  return found;
}

const consolidated = (people: readonly Person[], localities: readonly string[]) => {
  const report = consolidate(DEFINITION, returnsOf(people, localities), { threshold: THRESHOLD });
  return { report, hours: report.metrics.find((m) => m.id === HOURS.id)!, people: report.metrics.find((m) => m.id === PEOPLE.id)! };
};

/** Many people, a few alone in their cell, some with two service types. */
function town(seed: number, coops = 3, n = 60): Person[] {
  let state = seed;
  const random = (k: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % k;
  };
  return Array.from({ length: n }, (_, i) => {
    const first = SERVICES[random(10) < 6 ? 0 : random(3)];
    const second = random(4) === 0 ? SERVICES[random(3)] : first;
    return {
      id: `p${i}`,
      coop: `coop-${random(coops)}`,
      locality: ['Marsden', 'Slaithwaite', 'Golcar', 'Linthwaite'][random(10) < 7 ? random(2) : 2 + random(2)],
      hours: { [first]: 1 + random(40) / 4, [second]: 2 + random(20) / 4 },
    };
  });
}
const LOCALITIES = ['Golcar', 'Linthwaite', 'Marsden', 'Slaithwaite'];

describe('hours by locality and service type: disclosure control', () => {
  it("never shows one person's gardening hours, nor gives them away through the locality's hours", () => {
    const people: Person[] = [
      ...Array.from({ length: 8 }, (_, i): Person => ({ id: `m${i}`, coop: 'a', locality: 'Marsden', hours: { 'personal-care': 10 + i } })),
      ...Array.from({ length: 7 }, (_, i): Person => ({
        id: `s${i}`,
        coop: 'b',
        locality: 'Slaithwaite',
        hours: { 'personal-care': 5 + i },
      })),
      { id: 'jo', coop: 'a', locality: 'Marsden', hours: { gardening: 3.5 } },
    ];
    const { hours } = consolidated(people, ['Marsden', 'Slaithwaite']);
    const cross = hours.crossBreakdowns![0];
    const at = (l: string, s: string) => cross.cells[cross.rowCategories.indexOf(l)][cross.columnCategories.indexOf(s)];
    expect(at('Marsden', 'gardening')).toEqual({ suppressed: true });
    // The gardening column's total is Jo alone; Marsden's row cannot be left with Jo's hours as its only hidden figure.
    expect(hours.breakdowns.find((b) => b.dimension === 'service_type')!.cells.find((c) => c.category === 'gardening')!.value).toEqual({
      suppressed: true,
    });
    expect(at('Marsden', 'personal-care')).toEqual({ suppressed: true });
    expect(leaks(hours, people)).toEqual([]);
  });

  it('judges a locality by its distinct people: three people with two service types each are three, not six', () => {
    const people: Person[] = [
      ...Array.from({ length: 3 }, (_, i): Person => ({
        id: `g${i}`,
        coop: 'a',
        locality: 'Golcar',
        hours: { 'personal-care': 4 + i, 'domestic-help': 2 },
      })),
      ...Array.from({ length: 12 }, (_, i): Person => ({
        id: `m${i}`,
        coop: i % 2 ? 'a' : 'b',
        locality: 'Marsden',
        hours: { 'personal-care': 3 + i },
      })),
    ];
    const { hours } = consolidated(people, ['Golcar', 'Marsden']);
    expect(hours.breakdowns.find((b) => b.dimension === 'locality')!.cells.find((c) => c.category === 'Golcar')!.value).toEqual({
      suppressed: true,
    });
    expect(leaks(hours, people)).toEqual([]);
  });

  it('hides a figure a co-op could take its own people from and be left with one other person', () => {
    const people: Person[] = [
      ...Array.from({ length: 9 }, (_, i): Person => ({ id: `a${i}`, coop: 'a', locality: 'Marsden', hours: { 'personal-care': 2 + i } })),
      { id: 'b0', coop: 'b', locality: 'Marsden', hours: { 'personal-care': 6 } },
      ...Array.from({ length: 9 }, (_, i): Person => ({
        id: `c${i}`,
        coop: i % 2 ? 'b' : 'c',
        locality: 'Golcar',
        hours: { 'personal-care': 1 + i },
      })),
    ];
    const { hours } = consolidated(people, ['Golcar', 'Marsden']);
    const cross = hours.crossBreakdowns![0];
    expect(cross.cells[cross.rowCategories.indexOf('Marsden')][cross.columnCategories.indexOf('personal-care')]).toEqual({
      suppressed: true,
    });
    expect(leaks(hours, people)).toEqual([]);
  });

  it.each([11, 23, 37, 41, 53, 67])('leaves no reader a small group of people to work out, town %i', (seed) => {
    const people = town(seed);
    const { hours, report } = consolidated(people, LOCALITIES);
    expect(leaks(hours, people)).toEqual([]);
    // Planned and delivered share the pattern: so does the people table, cell by cell.
    const peopleCross = report.metrics.find((m) => m.id === PEOPLE.id)!.crossBreakdowns![0];
    const hoursCross = hours.crossBreakdowns![0];
    expect(peopleCross.cells.map((row) => row.map((v) => typeof v === 'number'))).toEqual(
      hoursCross.cells.map((row) => row.map((v) => typeof v === 'number')),
    );
  });

  it('shows the two-way cells that add up to the shown margins, hours to the penny of each cell', () => {
    const people = town(5, 3, 200);
    const { hours } = consolidated(people, LOCALITIES);
    const cross = hours.crossBreakdowns![0];
    cross.rowCategories.forEach((l, r) => {
      const margin = hours.breakdowns.find((b) => b.dimension === 'locality')!.cells.find((c) => c.category === l)!.value;
      if (typeof margin !== 'number' || cross.cells[r].some((v) => typeof v !== 'number')) return;
      expect(Math.abs((cross.cells[r] as number[]).reduce((a, b) => a + b, 0) - margin)).toBeLessThan(0.01 * SERVICES.length);
    });
    expect(cross.cells.flat().filter((v) => typeof v === 'number').length).toBeGreaterThan(0);
  });

  it('a holder of release 1 cannot subtract it from release 2 and see the hours of the one person a new co-op added', () => {
    // Four co-ops with 3 people each in Marsden: no two pooling are left with a small count, so only the release check protects.
    const before: Person[] = [
      ...Array.from({ length: 12 }, (_, i): Person => ({
        id: `m${i}`,
        coop: 'abde'[i % 4],
        locality: 'Marsden',
        hours: { 'personal-care': 2 + i },
      })),
      ...Array.from({ length: 12 }, (_, i): Person => ({
        id: `g${i}`,
        coop: 'abde'[i % 4],
        locality: 'Golcar',
        hours: { 'domestic-help': 1 + i },
      })),
    ];
    const after: Person[] = [...before, { id: 'new', coop: 'c', locality: 'Marsden', hours: { 'personal-care': 12.5 } }];
    const first = consolidate(DEFINITION, returnsOf(before, ['Golcar', 'Marsden']), { threshold: THRESHOLD });
    const second = consolidate(DEFINITION, returnsOf(after, ['Golcar', 'Marsden']), {
      threshold: THRESHOLD,
      earlierReleases: [{ name: 'release 1', returns: returnsOf(before, ['Golcar', 'Marsden']), published: first.metrics }],
    });
    const [h1, h2] = [first, second].map((r) =>
      figuresOf(
        r.metrics.find((m) => m.id === HOURS.id)!,
        after,
      ),
    );
    const pairs = [
      ...h1.cells.flatMap((row, r) => row.map((f, c) => [f, h2.cells[r][c]] as const)),
      ...h1.rows.map((f, r) => [f, h2.rows[r]] as const),
      ...h1.columns.map((f, c) => [f, h2.columns[c]] as const),
      [h1.total, h2.total] as const,
    ];
    const seen = pairs.filter(([a, b]) => !hidden(a) && !hidden(b) && a.value !== b.value).map(([, b]) => b.name);
    expect(seen).toEqual([]);
    expect(
      leaks(
        second.metrics.find((m) => m.id === HOURS.id)!,
        after,
      ),
    ).toEqual([]);
  });
});
