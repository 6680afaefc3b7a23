import {
  Breakdown,
  CCM_QUARTERLY_V1,
  CCM_QUARTERLY_V2,
  CCM_QUARTERLY_V3,
  DIMENSION_VOCABULARY,
  ReturnFigure,
  sameCell,
  SERVICE_TYPES,
  validateReturn,
} from '@app/contracts';

import {
  breakdownFigures,
  contractFigures,
  crossFigures,
  figuresForVersion,
  goalImprovementRise,
  withholdOnNode,
  withholdSharesOfFew,
  withRates,
} from './node-return.rules';

const LOCALITIES = ['Marsden', 'Slaithwaite'];
const period = { label: '2026-Q3', start: '2026-07-01', end: '2026-09-30' };

/**
 * Base figures for every metric that is not a rate: each breakdown cell holds 10 (hours 10.5) unless
 * `cells` says otherwise, and totals are the sums, so the return is valid as built.
 */
function baseFigures(cells: Record<string, Record<string, Record<string, number>>> = {}): ReturnFigure[] {
  const out: ReturnFigure[] = [];
  for (const m of CCM_QUARTERLY_V1.metrics) {
    if (m.consolidation.kind === 'ratio') continue;
    const plain = m.unit === 'hours' ? 10.5 : m.unit === 'rating' ? 3 : m.unit === 'percent' ? 50 : 10;
    if (!m.breakdowns.length) {
      out.push({ metric: m.id, breakdown: null, value: m.required ? (cells[m.id]?.total?.value ?? plain) : null });
      continue;
    }
    const tables = m.breakdowns.map((d) =>
      breakdownFigures(
        m.id,
        d,
        DIMENSION_VOCABULARY[d] ?? LOCALITIES,
        new Map((DIMENSION_VOCABULARY[d] ?? LOCALITIES).map((v) => [v, cells[m.id]?.[d]?.[v] ?? plain])),
      ),
    );
    const total = tables[0].reduce((s, f) => s + f.value!, 0);
    out.push({ metric: m.id, breakdown: null, value: total });
    // Later breakdowns of the same metric share out the same total: put what is left in their first cell.
    for (const table of tables.slice(1)) table[0].value = total - table.slice(1).reduce((s, f) => s + f.value!, 0);
    out.push(...tables.flat());
  }
  return out;
}

const figureIn = (figures: ReturnFigure[], metric: string, breakdown: Breakdown | null = null) =>
  figures.find((f) => f.metric === metric && sameCell(f.breakdown, breakdown));
const withheld = (figures: ReturnFigure[]) => figures.filter((f) => f.suppressedOnNode).map((f) => [f.metric, f.breakdown]);
const outgoing = (base: ReturnFigure[], threshold = 2, localities = LOCALITIES) =>
  withholdOnNode(CCM_QUARTERLY_V1, withRates(CCM_QUARTERLY_V1, base), { threshold, localities });

describe('breakdownFigures', () => {
  it('gives a cell for every value of the vocabulary, zero where GROUP BY found none, and keeps values outside it last', () => {
    expect(
      breakdownFigures(
        'members',
        'stakeholder_class',
        ['worker', 'volunteer'],
        new Map([
          ['volunteer', 4],
          ['alien', 1],
        ]),
      ),
    ).toEqual([
      { metric: 'members', breakdown: { stakeholder_class: 'worker' }, value: 0 },
      { metric: 'members', breakdown: { stakeholder_class: 'volunteer' }, value: 4 },
      { metric: 'members', breakdown: { stakeholder_class: 'alien' }, value: 1 },
    ]);
  });
});

describe('withRates', () => {
  it('computes each rate from its parts, in the order of the definition, and the result is a valid return', () => {
    const figures = withRates(
      CCM_QUARTERLY_V1,
      baseFigures({
        staff_headcount: { contract_type: { permanent: 16, 'zero-hours': 3, bank: 1 } },
        staff_leavers_12_months: { total: { value: 4 } },
      }),
    );
    expect(figureIn(figures, 'staff_turnover_percent')?.value).toBe(21.1); // 4 / (16 + 3)
    expect(figureIn(figures, 'staff_zero_hours_percent')?.value).toBe(15); // 3 / 20
    expect(figureIn(figures, 'vacancy_rate_percent')?.value).toBe(33.3); // 10 / (20 + 10)
    expect([...new Set(figures.map((f) => f.metric))]).toEqual(CCM_QUARTERLY_V1.metrics.map((m) => m.id));
    expect(
      validateReturn(
        CCM_QUARTERLY_V1,
        { definitionId: 'ccm-quarterly', definitionVersion: 1, period, figures },
        { localities: LOCALITIES },
      ),
    ).toEqual([]);
  });

  it('gives null for a rate with nothing to divide by', () => {
    const figures = withRates(
      CCM_QUARTERLY_V1,
      baseFigures({ goals_reviewed: { total: { value: 0 } }, goals_improved: { total: { value: 0 } } }),
    );
    expect(figureIn(figures, 'goal_attainment_percent')?.value).toBeNull();
  });
});

describe('withholdOnNode', () => {
  it('sends a return with no small counts of people as it is', () => {
    const base = baseFigures();
    expect(outgoing(base)).toEqual(withRates(CCM_QUARTERLY_V1, base));
  });

  it('withholds a cell of one person, and the smallest other cell with it so the total cannot give it back', () => {
    const out = outgoing(
      baseFigures({
        people_supported: {
          funding_type: { 'council-commissioned': 20, 'direct-payment': 1, 'individual-service-fund': 0, 'self-funder': 6 },
        },
      }),
    );
    expect(withheld(out)).toEqual([
      ['people_supported', { funding_type: 'direct-payment' }],
      ['people_supported', { funding_type: 'self-funder' }],
    ]);
    expect(figureIn(out, 'people_supported', { funding_type: 'direct-payment' })).toEqual({
      metric: 'people_supported',
      breakdown: { funding_type: 'direct-payment' },
      value: null,
      suppressedOnNode: true,
    });
    expect(figureIn(out, 'people_supported')?.value).toBe(27);
    expect(figureIn(out, 'people_supported', { funding_type: 'individual-service-fund' })?.value).toBe(0);
  });

  it('withholds counts up to the threshold and no further', () => {
    const base = baseFigures({
      members: { stakeholder_class: { 'service-user-or-family': 2, worker: 3, volunteer: 12, 'community-supporter': 30 } },
    });
    expect(withheld(outgoing(base, 2))).toEqual([
      ['members', { stakeholder_class: 'service-user-or-family' }],
      ['members', { stakeholder_class: 'worker' }],
    ]);
    expect(withheld(outgoing(base, 3))).toEqual([
      ['members', { stakeholder_class: 'service-user-or-family' }],
      ['members', { stakeholder_class: 'worker' }],
    ]);
    expect(withheld(outgoing(base, 1))).toEqual([]);
  });

  it('needs no extra cell when two cells are withheld already', () => {
    const out = outgoing(
      baseFigures({ members: { stakeholder_class: { 'service-user-or-family': 1, worker: 2, volunteer: 12, 'community-supporter': 30 } } }),
    );
    expect(withheld(out)).toEqual([
      ['members', { stakeholder_class: 'service-user-or-family' }],
      ['members', { stakeholder_class: 'worker' }],
    ]);
  });

  it('withholds a zero cell with a lone small one when every other cell is zero', () => {
    const out = outgoing(
      baseFigures({
        people_supported: {
          funding_type: { 'council-commissioned': 0, 'direct-payment': 0, 'individual-service-fund': 0, 'self-funder': 2 },
        },
      }),
    );
    expect(withheld(out)).toEqual([
      ['people_supported', { funding_type: 'council-commissioned' }],
      ['people_supported', { funding_type: 'self-funder' }],
    ]);
  });

  it('never withholds totals, hours or counts that are not of people', () => {
    const out = outgoing(
      baseFigures({
        care_hours_delivered: { service_type: { gardening: 1 } },
        staff_leavers: { total: { value: 1 } },
        ballots_held: { total: { value: 1 } },
      }),
    );
    expect(withheld(out)).toEqual([]);
  });

  it('withholds the rates built on a withheld cell, which would give it back, and keeps those built on totals', () => {
    const out = outgoing(baseFigures({ staff_headcount: { contract_type: { permanent: 16, 'zero-hours': 3, bank: 1 } } }));
    expect(withheld(out)).toEqual([
      ['staff_headcount', { contract_type: 'zero-hours' }],
      ['staff_headcount', { contract_type: 'bank' }],
      ['staff_turnover_percent', null],
      ['staff_zero_hours_percent', null],
    ]);
    expect(figureIn(out, 'vacancy_rate_percent')?.value).toBe(33.3);
  });

  it("leaves out any locality that is not one of the co-op's public localities", () => {
    const base = baseFigures();
    base.push({ metric: 'people_supported', breakdown: { locality: '14 Mill Lane, Golcar' }, value: 1 });
    const out = outgoing(base);
    expect(out.some((f) => f.breakdown?.locality === '14 Mill Lane, Golcar')).toBe(false);
  });

  it('sends only what validateReturn accepts', () => {
    const out = outgoing(
      baseFigures({
        people_supported: { locality: { Marsden: 1 } },
        staff_headcount: { contract_type: { bank: 2 } },
        members: { stakeholder_class: { worker: 1 } },
      }),
    );
    expect(withheld(out).length).toBeGreaterThan(4);
    expect(
      validateReturn(
        CCM_QUARTERLY_V1,
        { definitionId: 'ccm-quarterly', definitionVersion: 1, period, figures: out },
        { localities: LOCALITIES },
      ),
    ).toEqual([]);
  });

  // The hub requires the shown cells of a breakdown with withheld ones to add up to at most the total
  // less one: what is withheld always holds at least one person, even when the second cell is a zero.
  it('sends only what validateReturn accepts when a lone small cell takes a zero with it, or every cell is small', () => {
    const tables = [
      { 'council-commissioned': 0, 'direct-payment': 0, 'individual-service-fund': 0, 'self-funder': 1 },
      { 'council-commissioned': 0, 'direct-payment': 9, 'individual-service-fund': 0, 'self-funder': 1 },
      { 'council-commissioned': 1, 'direct-payment': 2, 'individual-service-fund': 1, 'self-funder': 2 },
    ];
    for (const funding_type of tables) {
      const total = Object.values(funding_type).reduce((a, b) => a + b, 0);
      const out = outgoing(baseFigures({ people_supported: { funding_type, locality: { Slaithwaite: total } } }));
      expect(withheld(out).filter(([metric]) => metric === 'people_supported').length).toBeGreaterThanOrEqual(2);
      expect(
        validateReturn(
          CCM_QUARTERLY_V1,
          { definitionId: 'ccm-quarterly', definitionVersion: 1, period, figures: out },
          { localities: LOCALITIES },
        ),
      ).toEqual([]);
    }
  });
});

describe('contract figures', () => {
  it('sums contracted and delivered hours by service type, every service present, the total the sum of the cells', () => {
    const figures = contractFigures([
      { contractId: 'c1', serviceType: 'personal-care', contractedHours: 75.25, deliveredHours: 0.67 },
      { contractId: 'c2', serviceType: 'personal-care', contractedHours: 10, deliveredHours: 0.33 },
      { contractId: 'c3', serviceType: 'domestic-help', contractedHours: 42.86, deliveredHours: 0 },
    ]);
    const value = (metric: string, breakdown: object | null) =>
      figures.find((f) => f.metric === metric && JSON.stringify(f.breakdown) === JSON.stringify(breakdown))?.value;
    expect(value('contract_hours_contracted', null)).toBe(128.11);
    expect(value('contract_hours_contracted', { service_type: 'personal-care' })).toBe(85.25);
    expect(value('contract_hours_delivered', { service_type: 'personal-care' })).toBe(1);
    expect(value('contract_hours_delivered', { service_type: 'gardening' })).toBe(0);
    expect(value('contract_hours_contracted', { contract: 'c1' })).toBe(75.25);
    expect(value('contract_hours_delivered', { contract: 'c3' })).toBe(0);
    expect(figures.filter((f) => f.metric === 'contract_hours_delivered')).toHaveLength(1 + SERVICE_TYPES.length + 3);
  });

  it('gives zeros, not nothing, to a co-op with no consortium contract', () => {
    expect(contractFigures([]).filter((f) => f.breakdown === null)).toEqual([
      { metric: 'contract_hours_contracted', breakdown: null, value: 0 },
      { metric: 'contract_hours_delivered', breakdown: null, value: 0 },
    ]);
  });
});

describe('figuresForVersion', () => {
  const earlier: ReturnFigure[] = [
    { metric: 'members', breakdown: null, value: 40 },
    { metric: 'safeguarding_concerns_raised', breakdown: null, value: null },
  ];
  const recorded: ReturnFigure[] = [
    { metric: 'safeguarding_concerns_raised', breakdown: null, value: 3 },
    { metric: 'safeguarding_concerns_raised', breakdown: { safeguarding_category: 'neglect-and-acts-of-omission' }, value: 3 },
    { metric: 'safeguarding_concerns_referred', breakdown: null, value: 1 },
  ];

  it('keeps what versions 1 and 2 send for a return asked under them', () => {
    expect(figuresForVersion(CCM_QUARTERLY_V2, earlier, recorded)).toEqual(earlier);
    expect(figuresForVersion(CCM_QUARTERLY_V1, earlier, recorded)).toEqual(earlier);
  });

  it("replaces every figure of a metric version 3 redefines with the node's records, and adds the new ones", () => {
    expect(figuresForVersion(CCM_QUARTERLY_V3, earlier, recorded)).toEqual([earlier[0], ...recorded]);
  });
});

describe('goalImprovementRise', () => {
  it("keeps any rise for returns asked under versions 1 and 2, and COPM's 2 points from version 3", () => {
    expect(goalImprovementRise(CCM_QUARTERLY_V1)).toBe(1);
    expect(goalImprovementRise(CCM_QUARTERLY_V2)).toBe(1);
    expect(goalImprovementRise(CCM_QUARTERLY_V3)).toBe(2);
    expect(goalImprovementRise({ id: 'ccm-quarterly', version: 4 })).toBe(2);
  });
});

describe('withholdSharesOfFew', () => {
  const share = (value: number | null): ReturnFigure[] => [
    { metric: 'staff_disadvantaged_percent', breakdown: null, value },
    { metric: 'members', breakdown: null, value: 40 },
  ];
  const sent = (part: number, whole: number, value: number | null) =>
    withholdSharesOfFew(share(value), [{ metric: 'staff_disadvantaged_percent', part, whole }], 2)[0];

  it('sends a share of more than the threshold with more than the threshold left out', () => {
    expect(sent(3, 10, 30)).toEqual({ metric: 'staff_disadvantaged_percent', breakdown: null, value: 30 });
    expect(sent(0, 10, 0)).toEqual({ metric: 'staff_disadvantaged_percent', breakdown: null, value: 0 });
  });

  it('withholds a share of 1 to the threshold people', () => {
    expect(sent(1, 10, 10)).toEqual({ metric: 'staff_disadvantaged_percent', breakdown: null, value: null, suppressedOnNode: true });
    expect(sent(2, 10, 20).suppressedOnNode).toBe(true);
  });

  it('withholds a share that leaves out at most the threshold, everyone included', () => {
    expect(sent(8, 10, 80).suppressedOnNode).toBe(true);
    expect(sent(10, 10, 100).suppressedOnNode).toBe(true);
    expect(sent(7, 10, 70).suppressedOnNode).toBeUndefined();
  });

  it('leaves other figures and a null share alone', () => {
    const out = withholdSharesOfFew(share(null), [{ metric: 'staff_disadvantaged_percent', part: 1, whole: 1 }], 2);
    expect(out).toEqual(share(null));
  });
});

describe('places: two-way cells of hours and people visited (v3)', () => {
  const cellsOf = (entries: [string, string, number][]) => new Map(entries.map(([l, s, v]) => [`${l}\u0000${s}`, v]));

  it('crossFigures gives a cell for every locality and service type, zeros filled in, localities outside the list last', () => {
    const figures = crossFigures(
      'people_visited',
      ['locality', LOCALITIES],
      ['service_type', SERVICE_TYPES],
      cellsOf([
        ['Slaithwaite', 'gardening', 2],
        ['Elsewhere', 'advocacy', 1],
      ]),
    );
    expect(figures).toHaveLength((LOCALITIES.length + 1) * SERVICE_TYPES.length);
    expect(figures.find((f) => sameCell(f.breakdown, { locality: 'Slaithwaite', service_type: 'gardening' }))?.value).toBe(2);
    expect(figures.find((f) => sameCell(f.breakdown, { locality: 'Marsden', service_type: 'gardening' }))?.value).toBe(0);
    expect(figures[figures.length - 1].breakdown).toEqual({ locality: 'Elsewhere', service_type: SERVICE_TYPES[SERVICE_TYPES.length - 1] });
  });

  it('withholds a two-way cell of 1 or 2 people visited, and leaves out cells of a locality that is not public', () => {
    const figures: ReturnFigure[] = [
      { metric: 'people_visited', breakdown: null, value: 9 },
      ...crossFigures(
        'people_visited',
        ['locality', LOCALITIES],
        ['service_type', SERVICE_TYPES],
        cellsOf([
          ['Marsden', 'personal-care', 7],
          ['Marsden', 'gardening', 1],
          ['Slaithwaite', 'advocacy', 2],
          ['Private Road', 'advocacy', 5],
        ]),
      ),
    ];
    const out = withholdOnNode(CCM_QUARTERLY_V3, figures, { threshold: 2, localities: LOCALITIES });
    const at = (l: string, s: string) => out.find((f) => sameCell(f.breakdown, { locality: l, service_type: s }));
    expect(at('Marsden', 'gardening')).toEqual(expect.objectContaining({ value: null, suppressedOnNode: true }));
    expect(at('Slaithwaite', 'advocacy')).toEqual(expect.objectContaining({ value: null, suppressedOnNode: true }));
    expect(at('Marsden', 'personal-care')?.value).toBe(7);
    expect(at('Private Road', 'advocacy')).toBeUndefined();
    // Hours are organisational: the node sends them all, the hub decides what is shown.
    const hours = withholdOnNode(
      CCM_QUARTERLY_V3,
      [{ metric: 'care_hours_planned', breakdown: { locality: 'Marsden', service_type: 'gardening' }, value: 1.5 }],
      {
        threshold: 2,
        localities: LOCALITIES,
      },
    );
    expect(hours[0].value).toBe(1.5);
  });

  it('withRates keeps the two-way and locality cells for v3 and drops them for a cycle that asks for v2', () => {
    const figures: ReturnFigure[] = [
      { metric: 'care_hours_planned', breakdown: null, value: 3 },
      { metric: 'care_hours_planned', breakdown: { service_type: 'gardening' }, value: 3 },
      { metric: 'care_hours_planned', breakdown: { locality: 'Marsden' }, value: 3 },
      { metric: 'care_hours_planned', breakdown: { locality: 'Marsden', service_type: 'gardening' }, value: 3 },
      { metric: 'people_visited', breakdown: null, value: 1 },
    ];
    expect(withRates(CCM_QUARTERLY_V3, figures).filter((f) => f.metric === 'care_hours_planned')).toHaveLength(4);
    const v2 = withRates(CCM_QUARTERLY_V2, figures);
    expect(v2.filter((f) => f.metric === 'care_hours_planned').map((f) => f.breakdown)).toEqual([null, { service_type: 'gardening' }]);
    expect(v2.some((f) => f.metric === 'people_visited')).toBe(false);
  });
});
