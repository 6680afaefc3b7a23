import {
  CCM_QUARTERLY_V1,
  CURRENT_RETURN_DEFINITION,
  FUNDING_TYPES,
  MetricDefinition,
  ReturnDefinition,
  ReturnFigure,
} from '@app/contracts';

import { consolidate, ConsolidationOptions, CoopReturn, EarlierRelease, ReportMetric, ReportValue } from './consolidation.rules';
import { Leak, lineLeaks, pairLines, releaseLeaks, reportLines } from './disclosure-attacks.testing';
import { isSuppressed, SUPPRESSED } from './disclosure-control.rules';

const SUM = { kind: 'sum' } as const;
const PEOPLE = { type: 'integer', min: 0, max: 1_000_000, nullable: false } as const;

function metric(id: string, over: Partial<MetricDefinition> = {}): MetricDefinition {
  return {
    id,
    title: id,
    section: 'care',
    definition: `${id}, defined for the test`,
    unit: 'people',
    countsPeople: true,
    breakdowns: [],
    required: true,
    validation: PEOPLE,
    consolidation: SUM,
    ...over,
  };
}

function definition(...metrics: MetricDefinition[]): ReturnDefinition {
  return { id: 'test-return', version: 1, title: 'test', periodTypes: ['quarter'], metrics };
}

const total = (m: string, value: number | null): ReturnFigure => ({ metric: m, breakdown: null, value });
const fundingCells = (m: string, values: Record<string, number | 'withheld'>): ReturnFigure[] =>
  Object.entries(values).map(([k, v]) =>
    v === 'withheld'
      ? { metric: m, breakdown: { funding_type: k }, value: null, suppressedOnNode: true }
      : { metric: m, breakdown: { funding_type: k }, value: v },
  );
const coop = (coopId: string, figures: ReturnFigure[]): CoopReturn => ({ coopId, figures });

const find = (report: { metrics: readonly ReportMetric[] }, id: string) => report.metrics.find((m) => m.id === id)!;
const cell = (m: ReportMetric, category: string): ReportValue => m.breakdowns[0].cells.find((c) => c.category === category)!.value;

const FUNDING: string[] = [...FUNDING_TYPES]; // council-commissioned, direct-payment, individual-service-fund, self-funder
const funding = (a: number[]) => Object.fromEntries(FUNDING.map((k, i) => [k, a[i]]));

describe('consolidating returns', () => {
  it('sums organisational figures across co-ops and shows them as they are, small or not', () => {
    const hours = metric('hours', {
      unit: 'hours',
      countsPeople: false,
      breakdowns: ['service_type'],
      validation: { type: 'decimal', min: 0, max: 1e7, decimals: 2, nullable: false },
    });
    const returns = [
      coop('a', [total('hours', 10.25), { metric: 'hours', breakdown: { service_type: 'personal-care' }, value: 10.25 }]),
      coop('b', [
        total('hours', 2.1),
        { metric: 'hours', breakdown: { service_type: 'personal-care' }, value: 0.1 },
        { metric: 'hours', breakdown: { service_type: 'befriending' }, value: 2 },
      ]),
    ];
    const m = find(consolidate(definition(hours), returns), 'hours');
    expect(m.total).toBe(12.35);
    expect(m.threshold).toBeNull();
    expect(cell(m, 'personal-care')).toBe(10.35);
    expect(cell(m, 'befriending')).toBe(2);
    expect(cell(m, 'transport')).toBe(0);
  });

  it("works rates out from the summed parts, never by averaging the co-ops' rates", () => {
    const def = definition(
      metric('improved', { countsPeople: false, unit: 'count' }),
      metric('reviewed', { countsPeople: false, unit: 'count' }),
      metric('rate', {
        countsPeople: false,
        unit: 'percent',
        consolidation: {
          kind: 'ratio',
          numerator: [{ metric: 'improved', breakdown: null }],
          denominator: [{ metric: 'reviewed', breakdown: null }],
        },
      }),
    );
    const report = consolidate(def, [
      coop('a', [total('improved', 1), total('reviewed', 2), total('rate', 50)]),
      coop('b', [total('improved', 30), total('reviewed', 100), total('rate', 30)]),
    ]);
    // 31 of 102 is 30.4 %; the mean of 50 % and 30 % would be 40 %.
    expect(find(report, 'rate').total).toBe(30.4);
  });

  it('suppresses small counts of people, and a second cell so the first cannot be worked out from the total', () => {
    const people = metric('people', { breakdowns: ['funding_type'] });
    const report = consolidate(definition(people), [
      coop('a', [total('people', 40), ...fundingCells('people', funding([30, 2, 0, 8]))]),
      coop('b', [total('people', 35), ...fundingCells('people', funding([15, 0, 0, 20]))]),
    ]);
    const m = find(report, 'people');
    expect(m.total).toBe(75);
    expect(cell(m, 'council-commissioned')).toBe(45);
    expect(cell(m, 'direct-payment')).toEqual(SUPPRESSED); // 2: primary
    // With the total shown, one more cell must go: the smallest non-zero one left, self-funders (28).
    expect(cell(m, 'self-funder')).toEqual(SUPPRESSED);
    expect(cell(m, 'individual-service-fund')).toBe(0); // zero points at no one and is shown
    expect(report.suppressions.map((s) => s.reason)).toContain('primary');
  });

  it('marks a cell a co-op withheld on its node as suppressed, never as zero, and protects it with a second cell', () => {
    const people = metric('people', { breakdowns: ['funding_type'] });
    const report = consolidate(definition(people), [
      // a withheld two cells (say 1 and 11) of its 40
      coop('a', [
        total('people', 40),
        ...fundingCells('people', {
          'council-commissioned': 20,
          'direct-payment': 'withheld',
          'individual-service-fund': 'withheld',
          'self-funder': 8,
        }),
      ]),
      coop('b', [total('people', 35), ...fundingCells('people', funding([15, 10, 0, 10]))]),
    ]);
    const m = find(report, 'people');
    expect(cell(m, 'direct-payment')).toEqual(SUPPRESSED);
    expect(cell(m, 'individual-service-fund')).toEqual(SUPPRESSED);
    expect(cell(m, 'council-commissioned')).toBe(35);
    expect(m.total).toBe(75);
    expect(report.suppressions.filter((s) => s.reason.startsWith('withheld')).map((s) => s.breakdown?.category)).toEqual([
      'direct-payment',
      'individual-service-fund',
    ]);
  });

  it('hides a total in every breakdown of a figure once one breakdown hides it', () => {
    const people = metric('people', { breakdowns: ['funding_type', 'locality'] });
    const report = consolidate(definition(people), [
      coop('a', [
        total('people', 3),
        ...fundingCells('people', funding([3, 0, 0, 0])),
        { metric: 'people', breakdown: { locality: 'Marsden' }, value: 3 },
      ]),
    ]);
    const m = find(report, 'people');
    expect(m.total).toEqual(SUPPRESSED);
    expect(m.breakdowns.map((b) => b.dimension)).toEqual(['funding_type', 'locality']);
    expect(cell(m, 'council-commissioned')).toEqual(SUPPRESSED);
    expect(m.breakdowns[1].cells).toEqual([{ category: 'Marsden', value: SUPPRESSED }]);
  });

  it('suppresses a total one co-op could take its own part from and see a small count of the others', () => {
    const starters = metric('starters', { section: 'workforce' });
    const report = consolidate(definition(starters), [coop('a', [total('starters', 30)]), coop('b', [total('starters', 6)])]);
    // 36 is well above 9, but co-op a taking away its 30 would see b's 6.
    expect(find(report, 'starters').total).toEqual(SUPPRESSED);
    expect(find(report, 'starters').threshold).toBe(9);
    const shown = consolidate(definition(starters), [coop('a', [total('starters', 30)]), coop('b', [total('starters', 16)])]);
    expect(find(shown, 'starters').total).toBe(46);
  });

  it('suppresses a rate worked out from a suppressed count, and one whose part a co-op withheld', () => {
    const def = definition(
      metric('zero_hours', { section: 'workforce' }),
      metric('headcount', { section: 'workforce' }),
      metric('share', {
        countsPeople: false,
        unit: 'percent',
        consolidation: {
          kind: 'ratio',
          numerator: [{ metric: 'zero_hours', breakdown: null }],
          denominator: [{ metric: 'headcount', breakdown: null }],
        },
      }),
    );
    const small = consolidate(def, [
      coop('a', [total('zero_hours', 3), total('headcount', 40), total('share', 7.5)]),
      coop('b', [total('zero_hours', 2), total('headcount', 50), total('share', 4)]),
    ]);
    expect(find(small, 'zero_hours').total).toEqual(SUPPRESSED);
    expect(find(small, 'share').total).toEqual(SUPPRESSED);
    const withheld = consolidate(def, [
      coop('a', [
        total('zero_hours', 30),
        total('headcount', 40),
        { metric: 'share', breakdown: null, value: null, suppressedOnNode: true },
      ]),
      coop('b', [total('zero_hours', null), total('headcount', 50), total('share', null)]),
    ]);
    expect(find(withheld, 'share').total).toEqual(SUPPRESSED);
  });

  it('leaves out of a rate a co-op that records none of its parts, as a sum leaves it out', () => {
    const pence = { type: 'integer', min: 0, max: 1_000_000_000, nullable: true } as const;
    const def = definition(
      metric('local_spend', { countsPeople: false, unit: 'pence', required: false, validation: pence }),
      metric('all_spend', { countsPeople: false, unit: 'pence', required: false, validation: pence }),
      metric('local_share', {
        countsPeople: false,
        unit: 'percent',
        consolidation: {
          kind: 'ratio',
          numerator: [{ metric: 'local_spend', breakdown: null }],
          denominator: [{ metric: 'all_spend', breakdown: null }],
        },
      }),
    );
    const a = coop('a', [total('local_spend', 3_000), total('all_spend', 10_000), total('local_share', 30)]);
    const b = coop('b', [total('local_spend', 1_000), total('all_spend', 10_000), total('local_share', 10)]);
    // c recorded no spend at all: left out, and the rate says it covers two co-ops, as the sums do.
    const c = coop('c', [total('local_spend', null), total('all_spend', null), total('local_share', null)]);
    const report = consolidate(def, [a, b, c]);
    expect(find(report, 'local_share')).toMatchObject({ total: 20, reportedBy: 2 });
    expect(find(report, 'all_spend')).toMatchObject({ total: 20_000, reportedBy: 2 });
    // d recorded only one part: its rate is unknown, so the consortium's is too.
    const d = coop('d', [total('local_spend', 500), total('all_spend', null), total('local_share', null)]);
    expect(find(consolidate(def, [a, b, d]), 'local_share').total).toEqual(SUPPRESSED);
    expect(find(consolidate(def, [c]), 'local_share')).toMatchObject({ total: null, reportedBy: 0 });
  });

  it('hides a part of a whole when the people left out are few, so they cannot be worked out by subtraction', () => {
    const def = definition(
      metric('headcount', { section: 'workforce' }),
      metric('paid_rlw', { section: 'workforce', subsetOf: 'headcount' }),
    );
    const few = consolidate(def, [
      coop('a', [total('headcount', 40), total('paid_rlw', 38)]),
      coop('b', [total('headcount', 22), total('paid_rlw', 21)]),
    ]);
    // 62 staff, 59 paid it: the 3 who are not would be 62 - 59.
    expect(find(few, 'headcount').total).toBe(62);
    expect(find(few, 'paid_rlw').total).toEqual(SUPPRESSED);
    const many = consolidate(def, [
      coop('a', [total('headcount', 40), total('paid_rlw', 20)]),
      coop('b', [total('headcount', 22), total('paid_rlw', 11)]),
    ]);
    expect(find(many, 'paid_rlw').total).toBe(31);
    const hiddenWhole = consolidate(def, [coop('a', [total('headcount', 8), total('paid_rlw', 0)])]);
    expect(find(hiddenWhole, 'headcount').total).toEqual(SUPPRESSED);
    expect(find(hiddenWhole, 'paid_rlw').total).toBe(0);
  });

  /** What a holder of a release made from these returns knows. */
  const releaseOf = (def: ReturnDefinition, returns: CoopReturn[], number = 1, options: ConsolidationOptions = {}): EarlierRelease => ({
    name: `a holder of release ${number}`,
    returns,
    published: consolidate(def, returns, options).metrics,
  });

  it('does not let a commissioner subtract an earlier release and see a small count of the co-ops added since', () => {
    const people = metric('people');
    const first = consolidate(definition(people), [coop('a', [total('people', 5)]), coop('b', [total('people', 6)])]);
    expect(find(first, 'people').total).toBe(11);
    const returns = [coop('a', [total('people', 5)]), coop('b', [total('people', 6)]), coop('c', [total('people', 2)])];
    // Without the earlier release in mind, 13 would be shown (to one co-op alone) and 13 - 11 gives c's 2 away.
    expect(find(consolidate(definition(people), returns, { coalitionSize: 1 }), 'people').total).toBe(13);
    const second = consolidate(definition(people), returns, {
      coalitionSize: 1,
      earlierReleases: [releaseOf(definition(people), returns.slice(0, 2))],
    });
    expect(find(second, 'people').total).toEqual(SUPPRESSED);
    expect(second.suppressions[0].reason).toMatch(/holder of release 1/);
    // The same in a breakdown: the cells c added must not show as a difference of 1 to 4.
    const byFunding = metric('byFunding', { breakdowns: ['funding_type'] });
    const withCells = (id: string, v: number[]) =>
      coop(id, [
        total(
          'byFunding',
          v.reduce((x, y) => x + y, 0),
        ),
        ...fundingCells('byFunding', funding(v)),
      ]);
    const all = [withCells('a', [20, 10, 0, 15]), withCells('b', [30, 12, 0, 20]), withCells('c', [3, 40, 0, 25])];
    // One co-op at a time (coalitions of one) so that only the earlier release can be what hides 53.
    const table = consolidate(definition(byFunding), all, {
      coalitionSize: 1,
      earlierReleases: [releaseOf(definition(byFunding), all.slice(0, 2), 1, { coalitionSize: 1 })],
    });
    const m = find(table, 'byFunding');
    expect(cell(m, 'council-commissioned')).toEqual(SUPPRESSED); // 53 - 50 = 3
    expect(cell(m, 'direct-payment')).toBe(62); // 62 - 22 = 40
    expect(find(consolidate(definition(byFunding), all, { coalitionSize: 1 }), 'byFunding').breakdowns[0].cells[0].value).toBe(53);
  });

  it('hides a figure that differs by a small count from what an earlier release showed, whoever joined, left or was corrected', () => {
    const people = metric('people');
    const release1 = (rs: CoopReturn[]) => releaseOf(definition(people), rs);
    const a3 = coop('a', [total('people', 3)]);
    const b20 = coop('b', [total('people', 20)]);
    const c20 = coop('c', [total('people', 20)]);
    // a sent back and left out of release 2: 43 then 40 would give a's 3 away. (Release 1 showed 43
    // because it was published when only single co-ops were guarded against: b and c pooling now
    // would see a's 3, so today's rules would not show it.)
    expect(find(consolidate(definition(people), [a3, b20, c20]), 'people').total).toEqual(SUPPRESSED);
    const dropped = consolidate(definition(people), [b20, c20], {
      earlierReleases: [releaseOf(definition(people), [a3, b20, c20], 1, { coalitionSize: 1 })],
    });
    expect(find(dropped, 'people').total).toEqual(SUPPRESSED);
    expect(dropped.suppressions[0].reason).toMatch(/differs by a small count from what a holder of release 1 showed/);
    // a corrected (a new return, same figure) and d (2) added: 50 then 52 would give d's 2 away.
    const a10 = coop('a', [total('people', 10)]);
    const corrected = consolidate(definition(people), [coop('a', [total('people', 10)]), b20, c20, coop('d', [total('people', 2)])], {
      earlierReleases: [release1([a10, b20, c20])],
    });
    expect(find(corrected, 'people').total).toEqual(SUPPRESSED);
    // a corrected from 10 to 13: 50 then 53 would give the correction away.
    const up = consolidate(definition(people), [coop('a', [total('people', 13)]), b20, c20], {
      earlierReleases: [release1([a10, b20, c20])],
    });
    expect(find(up, 'people').total).toEqual(SUPPRESSED);
    // A difference beyond the threshold is shown.
    const grown = consolidate(definition(people), [a10, b20, c20, coop('d', [total('people', 12)])], {
      earlierReleases: [release1([a10, b20, c20])],
    });
    expect(find(grown, 'people').total).toBe(62);
  });

  it('publishes starters and leavers as a pair: one suppressed, both suppressed', () => {
    const def = definition(
      metric('starters', { section: 'workforce', publishedWith: 'leavers' }),
      metric('leavers', { section: 'workforce' }),
    );
    const report = consolidate(def, [
      coop('a', [total('starters', 4), total('leavers', 0)]),
      coop('b', [total('starters', 3), total('leavers', 0)]),
    ]);
    expect(find(report, 'starters').total).toEqual(SUPPRESSED);
    expect(find(report, 'leavers').total).toEqual(SUPPRESSED); // 0 on its own, but with both headcounts it would give the starters away
    const both = consolidate(def, [
      coop('a', [total('starters', 14), total('leavers', 12)]),
      coop('b', [total('starters', 13), total('leavers', 20)]),
    ]);
    expect([find(both, 'starters').total, find(both, 'leavers').total]).toEqual([27, 32]);
  });

  it('says how many co-ops an optional figure covers, and null (not recorded) when none records it', () => {
    const spend = metric('spend', {
      unit: 'pence',
      countsPeople: false,
      required: false,
      validation: { type: 'integer', min: 0, max: 1e12, nullable: true },
    });
    const some = consolidate(definition(spend), [
      coop('a', [total('spend', 12_000)]),
      coop('b', [total('spend', null)]),
      coop('c', [total('spend', 500)]),
    ]);
    expect(find(some, 'spend')).toMatchObject({ total: 12_500, reportedBy: 2 });
    const none = consolidate(definition(spend), [coop('a', [total('spend', null)])]);
    expect(find(none, 'spend')).toMatchObject({ total: null, reportedBy: 0 });
  });

  it('weights a mean by its weight, and counts co-ops at each rating', () => {
    const report = consolidate(CCM_QUARTERLY_V1, [
      coop('a', [total('ballot_mean_turnout_percent', 80), total('ballots_held', 1), total('cqc_rating', 3)]),
      coop('b', [total('ballot_mean_turnout_percent', 20), total('ballots_held', 3), total('cqc_rating', 3)]),
      coop('c', [total('ballot_mean_turnout_percent', null), total('ballots_held', 0), total('cqc_rating', null)]),
    ]);
    expect(find(report, 'ballot_mean_turnout_percent').total).toBe(35); // (80 + 3 x 20) / 4
    const cqc = find(report, 'cqc_rating');
    expect(cqc.distribution?.find((d) => d.label === 'good')?.coops).toBe(2);
    expect(cqc.notRecordedBy).toBe(1);
  });

  describe("the demo's returns (npm run demo), released in two steps as Preston joins", () => {
    // Each co-op's return as the demo's nodes computed it: "metric=value" for a total,
    // "metric.dimension.category=value" for a cell, "w" for a cell the node withheld.
    const DEMO: Record<string, string> = {
      'colne-valley':
        'people_supported=38 people_supported.funding_type.council-commissioned=16 people_supported.funding_type.direct-payment=7 people_supported.funding_type.individual-service-fund=4 people_supported.funding_type.self-funder=11 people_supported.locality.Marsden=10 people_supported.locality.Slaithwaite=10 people_supported.locality.Golcar=10 people_supported.locality.Linthwaite=8 staff_headcount=20 staff_headcount.contract_type.permanent=18 staff_headcount.contract_type.zero-hours=w staff_headcount.contract_type.bank=w staff_starters=1 staff_leavers=0 staff_leavers_12_months=5 staff_paid_real_living_wage=19 volunteers_active=13 volunteers_into_paid_work=0 members=61 members.stakeholder_class.service-user-or-family=17 members.stakeholder_class.worker=21 members.stakeholder_class.volunteer=13 members.stakeholder_class.community-supporter=10',
      'holme-valley':
        'people_supported=41 people_supported.funding_type.council-commissioned=19 people_supported.funding_type.direct-payment=11 people_supported.funding_type.individual-service-fund=5 people_supported.funding_type.self-funder=6 people_supported.locality.Holmfirth=13 people_supported.locality.Honley=14 people_supported.locality.New Mill=14 people_supported.locality.Meltham=0 staff_headcount=22 staff_headcount.contract_type.permanent=18 staff_headcount.contract_type.zero-hours=w staff_headcount.contract_type.bank=w staff_starters=1 staff_leavers=1 staff_leavers_12_months=3 staff_paid_real_living_wage=21 volunteers_active=20 volunteers_into_paid_work=0 members=60 members.stakeholder_class.service-user-or-family=17 members.stakeholder_class.worker=22 members.stakeholder_class.volunteer=14 members.stakeholder_class.community-supporter=7',
      preston:
        'people_supported=33 people_supported.funding_type.council-commissioned=23 people_supported.funding_type.direct-payment=w people_supported.funding_type.individual-service-fund=w people_supported.funding_type.self-funder=7 people_supported.locality.Preston=9 people_supported.locality.Fulwood=12 people_supported.locality.Ribbleton=12 staff_headcount=21 staff_headcount.contract_type.permanent=16 staff_headcount.contract_type.zero-hours=w staff_headcount.contract_type.bank=w staff_starters=2 staff_leavers=2 staff_leavers_12_months=4 staff_paid_real_living_wage=20 volunteers_active=17 volunteers_into_paid_work=0 members=57 members.stakeholder_class.service-user-or-family=15 members.stakeholder_class.worker=21 members.stakeholder_class.volunteer=14 members.stakeholder_class.community-supporter=7',
    };
    const returnOf = (coopId: string): CoopReturn =>
      coop(
        coopId,
        DEMO[coopId].split(/ (?=[a-z0-9_]+[.=])/).map((item): ReturnFigure => {
          const [cellName, value] = item.split('=');
          const [m, dimension, ...category] = cellName.split('.');
          const breakdown = dimension ? { [dimension]: category.join('.') } : null;
          return value === 'w'
            ? { metric: m, breakdown, value: null, suppressedOnNode: true }
            : { metric: m, breakdown, value: Number(value) };
        }),
      );
    // The counts of people the demo's returns carry (the current definition, less what they do not record).
    const def: ReturnDefinition = {
      ...CURRENT_RETURN_DEFINITION,
      metrics: CURRENT_RETURN_DEFINITION.metrics.filter((m) => m.countsPeople && m.id !== 'safeguarding_concerns_raised'),
    };
    const SUBSETS = { staff_paid_real_living_wage: 'staff_headcount' };
    const [colne, holme, preston] = ['colne-valley', 'holme-valley', 'preston'].map(returnOf);
    const first = consolidate(def, [colne, holme]);
    const second = consolidate(def, [colne, holme, preston], {
      earlierReleases: [{ name: 'a holder of release 1', returns: [colne, holme], published: first.metrics }],
    });
    const lines1 = reportLines(first.metrics, [colne, holme], 'release 1', SUBSETS);
    const lines2 = reportLines(second.metrics, [colne, holme, preston], 'release 2', SUBSETS);
    const leaks = (found: Leak[]) => found.map((l) => `${l.line}: ${l.reader} would learn ${l.learnt} in ${l.categories.join(' + ')}`);

    it('lets no co-op, and no two pooling, work out a small count from either release', () => {
      expect(lines2.length).toBeGreaterThan(8);
      expect(leaks([...lines1, ...lines2].flatMap((line) => lineLeaks(line, line.threshold!, 2)))).toEqual([]);
    });

    it('lets no holder of release 1, alone or with co-ops, work out a small count from release 2', () => {
      const pairs = pairLines(lines1, lines2);
      expect(pairs.length).toBe(lines2.length);
      expect(leaks(pairs.flatMap(([then, now]) => releaseLeaks(then, now, now.threshold!, 2)))).toEqual([]);
    });

    it('still shows the large figures: the totals, council-commissioned care and every locality', () => {
      const people = find(second, 'people_supported');
      expect(people.total).toBe(112);
      expect(cell(people, 'council-commissioned')).toBe(58);
      expect(people.breakdowns[1].cells.filter((c) => typeof c.value === 'number').length).toBe(people.breakdowns[1].cells.length);
      expect(find(second, 'staff_headcount').total).toBe(63);
      expect(find(second, 'members').total).toBe(178);
    });
  });

  describe('attempts to recover a suppressed count from a consolidated report', () => {
    const people = metric('people', { breakdowns: ['funding_type'] });
    let seed = 20261125;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };

    it('never leaves a count of 1 to 4 shown, a suppressed cell alone in its breakdown, or a figure a co-op could difference down to 1 to 4', () => {
      for (let round = 0; round < 300; round++) {
        const coops = 1 + random(4);
        const returns = Array.from({ length: coops }, (_, i) => {
          const values = FUNDING.map(() => (random(3) === 0 ? random(5) : random(30)));
          return coop(`c${i}`, [
            total(
              'people',
              values.reduce((a, b) => a + b, 0),
            ),
            ...fundingCells('people', funding(values)),
          ]);
        });
        const m = find(consolidate(definition(people), returns), 'people');
        const values = m.breakdowns[0].cells.map((c) => c.value!);
        const figures = [...values, m.total!];
        for (const f of figures) if (!isSuppressed(f)) expect(f === 0 || f > 4).toBe(true);
        const hidden = values.filter(isSuppressed).length;
        if (!isSuppressed(m.total!)) expect(hidden).not.toBe(1);
        for (const r of returns) {
          const own = [
            ...FUNDING.map((k) => r.figures.find((f) => f.breakdown?.funding_type === k)!.value as number),
            r.figures[0].value as number,
          ];
          figures.forEach((f, i) => {
            if (!isSuppressed(f)) expect(f - own[i] === 0 || f - own[i] > 4).toBe(true);
          });
          // The subtraction attack on the line: total less the shown cells is the sum of the hidden ones, never one hidden small cell alone.
          if (!isSuppressed(m.total!) && hidden === 1) throw new Error('a lone suppressed cell can be worked out');
        }
      }
    });
  });
});
