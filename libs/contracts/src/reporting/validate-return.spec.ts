import {
  Breakdown,
  CCM_QUARTERLY_V1,
  CCM_QUARTERLY_V2,
  CCM_QUARTERLY_V3,
  DIMENSION_VOCABULARY,
  MetricDefinition,
  ratioValue,
  ReturnDefinition,
  ReturnFigure,
  ReturnFigures,
  sameCell,
  SERVICE_TYPES,
  validateReturn,
} from '../index';

const LOCALITIES = ['Marsden', 'Slaithwaite'];

/**
 * A complete, valid return built from the definition: every cell of a breakdown holds `perCell`
 * (so totals add up), rates agree with their parts, optional metrics are sent as not recorded.
 */
function completeReturn(perCell = 5): ReturnFigures {
  const figures: ReturnFigure[] = [];
  for (const m of CCM_QUARTERLY_V1.metrics) {
    if (m.consolidation.kind === 'ratio') continue;
    const cell = m.unit === 'hours' ? perCell + 0.25 : perCell;
    const cellCount = m.breakdowns.length ? (DIMENSION_VOCABULARY[m.breakdowns[0]] ?? LOCALITIES).length : 1;
    let total: number | null = m.breakdowns.length ? cell * cellCount : cell;
    if (m.unit === 'rating') total = 3;
    if (m.unit === 'percent') total = 62.5;
    if (!m.required) total = null;
    figures.push({ metric: m.id, breakdown: null, value: total });
    for (const d of m.breakdowns) {
      const values = DIMENSION_VOCABULARY[d] ?? LOCALITIES;
      // Every breakdown of a metric shares out the same total.
      const each = total! / values.length;
      for (const v of values) figures.push({ metric: m.id, breakdown: { [d]: v }, value: each });
    }
  }
  const find = (metric: string, breakdown: Breakdown | null) =>
    figures.find((f) => f.metric === metric && sameCell(f.breakdown, breakdown))?.value;
  for (const m of CCM_QUARTERLY_V1.metrics) {
    if (m.consolidation.kind === 'ratio')
      figures.push({ metric: m.id, breakdown: null, value: ratioValue(m.consolidation, (r) => find(r.metric, r.breakdown)) ?? null });
  }
  return {
    definitionId: 'ccm-quarterly',
    definitionVersion: 1,
    period: { label: '2026-Q3', start: '2026-07-01', end: '2026-09-30' },
    figures,
  };
}

const check = (r: ReturnFigures) => validateReturn(CCM_QUARTERLY_V1, r, { localities: LOCALITIES });
const figure = (r: ReturnFigures, metric: string, breakdown: Breakdown | null = null) =>
  r.figures.find((f) => f.metric === metric && sameCell(f.breakdown, breakdown))!;
const without = (r: ReturnFigures, metric: string, breakdown: Breakdown | null = null) => ({
  ...r,
  figures: r.figures.filter((f) => !(f.metric === metric && sameCell(f.breakdown, breakdown))),
});

describe('validateReturn', () => {
  it('finds nothing wrong with a complete return', () => {
    expect(check(completeReturn())).toEqual([]);
  });

  it('accepts optional metrics left out altogether', () => {
    const r = without(without(completeReturn(), 'local_supplier_spend'), 'safeguarding_concerns_raised');
    expect(check(r)).toEqual([]);
  });

  it('names a metric the definition does not have', () => {
    const r = completeReturn();
    r.figures.push({ metric: 'service_user_ids', breakdown: null, value: 3 });
    expect(check(r)).toEqual([
      {
        code: 'RETURN.UNKNOWN_METRIC',
        metric: 'service_user_ids',
        breakdown: null,
        message: 'service_user_ids: ccm-quarterly version 1 has no metric service_user_ids',
      },
    ]);
  });

  it('names a required metric that is missing, and each of its missing cells', () => {
    const r = without(without(completeReturn(), 'staff_leavers'), 'members', { stakeholder_class: 'volunteer' });
    expect(check(r)).toEqual([
      expect.objectContaining({ code: 'RETURN.MISSING_METRIC', metric: 'staff_leavers', breakdown: null }),
      expect.objectContaining({ code: 'RETURN.MISSING_CELL', metric: 'members', breakdown: { stakeholder_class: 'volunteer' } }),
    ]);
  });

  it("needs a cell for each of the co-op's localities only when it knows them", () => {
    const r = without(completeReturn(), 'people_supported', { locality: 'Slaithwaite' });
    expect(check(r).map((p) => [p.code, p.breakdown])).toEqual([['RETURN.MISSING_CELL', { locality: 'Slaithwaite' }]]);
    expect(validateReturn(CCM_QUARTERLY_V1, r)).toEqual([]);
  });

  it('names a breakdown by a dimension the metric is not broken down by', () => {
    const r = completeReturn();
    r.figures.push({ metric: 'care_hours_delivered', breakdown: { locality: 'Marsden' }, value: 3 });
    expect(check(r)).toEqual([
      expect.objectContaining({
        code: 'RETURN.WRONG_DIMENSION',
        metric: 'care_hours_delivered',
        breakdown: { locality: 'Marsden' },
        message: expect.stringContaining('broken down by service_type, not by locality'),
      }),
    ]);
  });

  it('names a cell that mixes two dimensions, or names a dimension that does not exist', () => {
    const r = completeReturn();
    r.figures.push({ metric: 'people_supported', breakdown: { funding_type: 'self-funder', locality: 'Marsden' }, value: 1 });
    r.figures.push({ metric: 'people_supported', breakdown: { member_id: 'abc' } as Breakdown, value: 1 });
    expect(check(r).map((p) => p.code)).toEqual(['RETURN.WRONG_DIMENSION', 'RETURN.WRONG_DIMENSION']);
  });

  it("names a breakdown value outside the vocabulary, or a locality that is not one of the co-op's", () => {
    const r = completeReturn();
    r.figures.push({ metric: 'staff_headcount', breakdown: { contract_type: 'agency' } as Breakdown, value: 1 });
    r.figures.push({ metric: 'people_supported', breakdown: { locality: '12 Mill Lane' }, value: 1 });
    expect(check(r)).toEqual([
      expect.objectContaining({ code: 'RETURN.OUTSIDE_VOCABULARY', metric: 'staff_headcount', breakdown: { contract_type: 'agency' } }),
      expect.objectContaining({
        code: 'RETURN.OUTSIDE_VOCABULARY',
        metric: 'people_supported',
        breakdown: { locality: '12 Mill Lane' },
        message: expect.stringContaining('not one of Marsden, Slaithwaite'),
      }),
    ]);
  });

  it('names a value out of range, a fraction where a whole number is needed, and too many decimals', () => {
    const r = completeReturn();
    figure(r, 'ballot_mean_turnout_percent').value = 104;
    figure(r, 'training_completions').value = 2.5;
    figure(r, 'volunteer_hours').value = 10.125;
    figure(r, 'cqc_rating').value = 7;
    expect(check(r).map((p) => [p.code, p.metric])).toEqual([
      ['RETURN.NOT_INTEGER', 'training_completions'],
      ['RETURN.TOO_MANY_DECIMALS', 'volunteer_hours'],
      ['RETURN.OUT_OF_RANGE', 'ballot_mean_turnout_percent'],
      ['RETURN.OUT_OF_RANGE', 'cqc_rating'],
      ['RETURN.OUT_OF_RANGE', 'cqc_rating'],
    ]);
  });

  it('refuses a negative count, naming the cell', () => {
    const r = completeReturn();
    figure(r, 'members', { stakeholder_class: 'worker' }).value = -1;
    expect(check(r)).toContainEqual(
      expect.objectContaining({
        code: 'RETURN.OUT_OF_RANGE',
        metric: 'members',
        breakdown: { stakeholder_class: 'worker' },
        message: 'members [stakeholder_class=worker]: the value -1 is outside 0 to 1000000',
      }),
    );
  });

  it('allows null where the metric says it may be (a rate with nothing to divide by), and nowhere else', () => {
    const r = completeReturn();
    figure(r, 'cqc_rating').value = null;
    figure(r, 'staff_starters').value = null;
    expect(check(r)).toEqual([expect.objectContaining({ code: 'RETURN.MISSING_VALUE', metric: 'staff_starters' })]);
  });

  it('accepts cells of people and rates built on them withheld on the node, but no total and no hours', () => {
    const r = completeReturn();
    Object.assign(figure(r, 'staff_headcount', { contract_type: 'bank' }), { value: null, suppressedOnNode: true });
    Object.assign(figure(r, 'staff_headcount', { contract_type: 'zero-hours' }), { value: null, suppressedOnNode: true });
    Object.assign(figure(r, 'staff_zero_hours_percent'), { value: null, suppressedOnNode: true });
    expect(check(r)).toEqual([]);
    Object.assign(figure(r, 'staff_headcount'), { value: null, suppressedOnNode: true });
    Object.assign(figure(r, 'care_hours_delivered', { service_type: 'gardening' }), { value: null, suppressedOnNode: true });
    Object.assign(figure(r, 'members', { stakeholder_class: 'worker' }), { value: 3, suppressedOnNode: true });
    expect(check(r).map((p) => [p.code, p.metric, p.breakdown])).toEqual([
      ['RETURN.BAD_SUPPRESSION', 'care_hours_delivered', { service_type: 'gardening' }],
      ['RETURN.BAD_SUPPRESSION', 'staff_headcount', null],
      ['RETURN.BAD_SUPPRESSION', 'members', { stakeholder_class: 'worker' }],
    ]);
  });

  it('names cells that do not add up to their total', () => {
    const r = completeReturn();
    figure(r, 'people_supported', { funding_type: 'self-funder' }).value = 9;
    expect(check(r)).toEqual([
      expect.objectContaining({
        code: 'RETURN.CELLS_DO_NOT_ADD_UP',
        metric: 'people_supported',
        message: 'people_supported: the funding_type cells add up to 24, not to the total 20',
      }),
    ]);
  });

  it('names shown cells that leave less than one person for the cells withheld beside them', () => {
    // people_supported: 20 in all, 5 in each of four funding types.
    const r = completeReturn();
    const withhold = (value: string) =>
      Object.assign(figure(r, 'people_supported', { funding_type: value }), { value: null, suppressedOnNode: true });
    withhold('direct-payment');
    withhold('self-funder');
    expect(check(r)).toEqual([]);
    // Shown 5 + 14 = 19: the withheld two hold the one person left, as a 1 and a 0 would.
    figure(r, 'people_supported', { funding_type: 'individual-service-fund' }).value = 14;
    expect(check(r)).toEqual([]);
    figure(r, 'people_supported', { funding_type: 'individual-service-fund' }).value = 15;
    expect(check(r)).toEqual([
      expect.objectContaining({
        code: 'RETURN.CELLS_DO_NOT_ADD_UP',
        metric: 'people_supported',
        breakdown: null,
        message:
          'people_supported: the funding_type cells shown add up to 20, but with 2 cells withheld (at least 1 between them) they can add up to no more than the total 20 less one, 19',
      }),
    ]);
    // Shown cells bigger than the total itself, hidden behind a withheld cell.
    figure(r, 'people_supported', { funding_type: 'council-commissioned' }).value = 50;
    expect(check(r).map((p) => [p.code, p.metric])).toEqual([['RETURN.CELLS_DO_NOT_ADD_UP', 'people_supported']]);
  });

  it('names a count bigger than the whole it is part of: staff paid the Real Living Wage, of the headcount', () => {
    const r = completeReturn();
    // Headcount 15 (5 in each contract type).
    const headcount = figure(r, 'staff_headcount').value!;
    figure(r, 'staff_paid_real_living_wage').value = headcount;
    figure(r, 'staff_real_living_wage_percent').value = 100;
    expect(check(r)).toEqual([]);
    // Its rate, agreeing with its parts, would be over 100 as well; the problem names both metrics.
    figure(r, 'staff_paid_real_living_wage').value = headcount + 1;
    figure(r, 'staff_real_living_wage_percent').value = 106.7;
    expect(check(r)).toEqual([
      expect.objectContaining({ code: 'RETURN.OUT_OF_RANGE', metric: 'staff_real_living_wage_percent' }),
      expect.objectContaining({
        code: 'RETURN.SUBSET_EXCEEDS_WHOLE',
        metric: 'staff_paid_real_living_wage',
        breakdown: null,
        message: `staff_paid_real_living_wage: the value ${headcount + 1} is more than staff_headcount, ${headcount}, which staff_paid_real_living_wage is part of`,
      }),
    ]);
  });

  it('lets hours cells differ from their total by the rounding of each cell only', () => {
    const r = completeReturn();
    figure(r, 'care_hours_planned').value! += 0.03;
    expect(check(r)).toEqual([]);
    figure(r, 'care_hours_planned').value! += 0.1;
    expect(check(r).map((p) => p.code)).toEqual(['RETURN.CELLS_DO_NOT_ADD_UP']);
  });

  it('names a rate that does not agree with its parts', () => {
    const r = completeReturn();
    figure(r, 'staff_turnover_percent').value = 12.5;
    expect(check(r)).toEqual([expect.objectContaining({ code: 'RETURN.INCONSISTENT_RATE', metric: 'staff_turnover_percent' })]);
  });

  it('names the same figure given twice', () => {
    const r = completeReturn();
    r.figures.push({ ...figure(r, 'members', { stakeholder_class: 'worker' }) });
    expect(check(r)).toEqual([
      expect.objectContaining({ code: 'RETURN.DUPLICATE_FIGURE', metric: 'members', breakdown: { stakeholder_class: 'worker' } }),
    ]);
  });

  it('names figures made for another definition or version, and a period whose dates are not its quarter', () => {
    const r = { ...completeReturn(), definitionVersion: 2, period: { label: '2026-Q3', start: '2026-07-01', end: '2026-10-01' } };
    expect(check(r)).toEqual([
      expect.objectContaining({
        code: 'RETURN.WRONG_DEFINITION',
        metric: null,
        message: 'return: the figures are for ccm-quarterly version 2, not ccm-quarterly version 1',
      }),
      expect.objectContaining({
        code: 'RETURN.WRONG_PERIOD',
        metric: null,
        message: 'return: period 2026-Q3 runs from 2026-07-01 to 2026-09-30, not 2026-07-01 to 2026-10-01',
      }),
    ]);
  });
});

describe('validateReturn, version 2: hours per consortium contract', () => {
  const C1 = '0b6f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4';
  const C2 = '1c7a2e3f-4d5b-4c6d-9e7f-8091a2b3c4d5';
  /** v2 adds the contract metrics to v1's; v1's figures stay valid under v2 once those are there. */
  function v2Return(contractCells: Record<string, number>, total: number): ReturnFigures {
    const base = completeReturn();
    const contract = ['contract_hours_contracted', 'contract_hours_delivered'].flatMap((metric) => [
      { metric, breakdown: null, value: total },
      ...SERVICE_TYPES.map((s, i) => ({ metric, breakdown: { service_type: s }, value: i === 0 ? total : 0 })),
      ...Object.entries(contractCells).map(([contract, value]) => ({ metric, breakdown: { contract }, value })),
    ]);
    return {
      ...base,
      definitionVersion: 2,
      figures: [...base.figures, ...contract, { metric: 'contract_delivery_percent', breakdown: null, value: total ? 100 : null }],
    };
  }
  const check2 = (r: ReturnFigures, contracts?: string[]) => validateReturn(CCM_QUARTERLY_V2, r, { localities: LOCALITIES, contracts });

  it("takes hours per contract when they are the co-op's contracts and add up to the total", () => {
    expect(check2(v2Return({ [C1]: 30, [C2]: 12.5 }, 42.5), [C1, C2])).toEqual([]);
    expect(check2(v2Return({}, 0), [C1])).toEqual([]); // a contract that did not run in the period has no cell
    expect(check2(v2Return({}, 42.5), [C1])).toEqual([]); // a node that does not break hours down by contract yet
  });

  it("names a contract that is not the co-op's, an id that is not one, and cells that do not add up", () => {
    const codes = (r: ReturnFigures, contracts?: string[]) => check2(r, contracts).map((p) => `${p.code} ${p.message}`);
    expect(codes(v2Return({ [C1]: 30, [C2]: 12.5 }, 42.5), [C1])).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`RETURN.OUTSIDE_VOCABULARY .*contract ${JSON.stringify(C2)}`))]),
    );
    expect(codes(v2Return({ 'lot-2': 42.5 }, 42.5))).toEqual(
      expect.arrayContaining([expect.stringMatching(/RETURN.OUTSIDE_VOCABULARY .*consortium contract ids/)]),
    );
    expect(codes(v2Return({ [C1]: 30 }, 42.5), [C1])).toEqual(
      expect.arrayContaining([expect.stringMatching(/RETURN.CELLS_DO_NOT_ADD_UP .*contract cells add up to 30, not to the total 42.5/)]),
    );
  });
});

describe('validateReturn: two-way breakdowns and period types', () => {
  const HOURS: MetricDefinition = {
    id: 'hours',
    title: 'Hours',
    section: 'care',
    definition: 'hours',
    unit: 'hours',
    countsPeople: false,
    breakdowns: ['service_type', 'locality'],
    crossBreakdowns: [{ rows: 'locality', columns: 'service_type' }],
    required: true,
    validation: { type: 'decimal', min: 0, max: 1000, decimals: 2, nullable: false },
    consolidation: { kind: 'sum' },
  };
  const PEOPLE: MetricDefinition = {
    ...HOURS,
    id: 'people',
    unit: 'people',
    countsPeople: true,
    breakdowns: ['locality'],
    crossBreakdowns: [{ rows: 'locality', columns: 'service_type', overlapping: true }],
    validation: { type: 'integer', min: 0, max: 1000, nullable: false },
  };
  const definition: ReturnDefinition = {
    id: 'places',
    version: 1,
    title: 't',
    periodTypes: ['month', 'fy-quarter'],
    metrics: [HOURS, PEOPLE],
  };
  const period = { label: '2026-05', start: '2026-05-01', end: '2026-05-31' };
  const [S1, S2] = SERVICE_TYPES;
  /** Hours: Marsden has 1.5 of S1 and 2.25 of S2; Slaithwaite 4 of S1. People: one person in Marsden has both services. */
  function valid(): ReturnFigure[] {
    const zero = (metric: string) =>
      LOCALITIES.flatMap((l) => SERVICE_TYPES.map((s) => ({ metric, breakdown: { locality: l, service_type: s }, value: 0 })));
    const hours = zero('hours');
    const people = zero('people');
    const set = (list: ReturnFigure[], l: string, s: string, v: number) =>
      (list.find((f) => sameCell(f.breakdown, { locality: l, service_type: s }))!.value = v);
    set(hours, 'Marsden', S1, 1.5);
    set(hours, 'Marsden', S2, 2.25);
    set(hours, 'Slaithwaite', S1, 4);
    set(people, 'Marsden', S1, 1);
    set(people, 'Marsden', S2, 1);
    set(people, 'Slaithwaite', S1, 5);
    return [
      { metric: 'hours', breakdown: null, value: 7.75 },
      ...SERVICE_TYPES.map((s) => ({ metric: 'hours', breakdown: { service_type: s }, value: s === S1 ? 5.5 : s === S2 ? 2.25 : 0 })),
      { metric: 'hours', breakdown: { locality: 'Marsden' }, value: 3.75 },
      { metric: 'hours', breakdown: { locality: 'Slaithwaite' }, value: 4 },
      ...hours,
      { metric: 'people', breakdown: null, value: 6 },
      { metric: 'people', breakdown: { locality: 'Marsden' }, value: 1 },
      { metric: 'people', breakdown: { locality: 'Slaithwaite' }, value: 5 },
      ...people,
    ];
  }
  const check = (figures: ReturnFigure[], label = period) =>
    validateReturn(definition, { definitionId: 'places', definitionVersion: 1, period: label, figures }, { localities: LOCALITIES });
  const at = (figures: ReturnFigure[], metric: string, breakdown: Breakdown) =>
    figures.find((f) => f.metric === metric && sameCell(f.breakdown, breakdown))!;

  it('takes a complete two-way table whose cells add up to its margins (people overlapping along a row)', () => {
    expect(check(valid())).toEqual([]);
  });

  it('refuses hours cells that do not add up to their locality or their service type', () => {
    const figures = valid();
    at(figures, 'hours', { locality: 'Marsden', service_type: S1 }).value = 2.5;
    expect(check(figures).map((p) => [p.code, p.breakdown])).toEqual([
      ['RETURN.CELLS_DO_NOT_ADD_UP', { locality: 'Marsden' }],
      ['RETURN.CELLS_DO_NOT_ADD_UP', { service_type: S1 }],
    ]);
  });

  it('refuses a row of people that adds up to fewer than its locality, or a cell bigger than it', () => {
    const fewer = valid();
    at(fewer, 'people', { locality: 'Slaithwaite', service_type: S1 }).value = 4;
    expect(check(fewer).map((p) => p.code)).toEqual(['RETURN.CELLS_DO_NOT_ADD_UP']);
    const bigger = valid();
    at(bigger, 'people', { locality: 'Marsden', service_type: S1 }).value = 2;
    expect(check(bigger)[0].message).toMatch(/people \[locality=Marsden\]: .*none bigger than it/);
  });

  it('takes a people cell withheld on the node, and does not check its line', () => {
    const figures = valid();
    Object.assign(at(figures, 'people', { locality: 'Marsden', service_type: S1 }), { value: null, suppressedOnNode: true });
    expect(check(figures)).toEqual([]);
  });

  it('names a missing two-way cell, a pair of dimensions the metric does not have and a value outside the vocabulary', () => {
    const figures = valid().filter((f) => !sameCell(f.breakdown, { locality: 'Slaithwaite', service_type: S2 }) || f.metric !== 'hours');
    figures.push({ metric: 'hours', breakdown: { locality: 'Marsden', funding_type: 'self-funder' }, value: 1 });
    figures.push({ metric: 'people', breakdown: { locality: 'Marsden', service_type: 'surgery' }, value: 1 });
    expect(check(figures).map((p) => [p.code, p.metric, p.breakdown])).toEqual([
      ['RETURN.WRONG_DIMENSION', 'hours', { locality: 'Marsden', funding_type: 'self-funder' }],
      ['RETURN.OUTSIDE_VOCABULARY', 'people', { locality: 'Marsden', service_type: 'surgery' }],
      ['RETURN.MISSING_CELL', 'hours', { locality: 'Slaithwaite', service_type: S2 }],
    ]);
  });

  it('takes the period types the definition allows and refuses the others, and dates that are not the label', () => {
    expect(check(valid(), { label: '2026/27-Q1', start: '2026-04-01', end: '2026-06-30' })).toEqual([]);
    const quarter = check(valid(), { label: '2026-Q2', start: '2026-04-01', end: '2026-06-30' });
    expect(quarter.map((p) => p.code)).toEqual(['RETURN.WRONG_PERIOD']);
    expect(quarter[0].message).toMatch(
      /2026-Q2 is not one places version 1 allows: a calendar month .*; or a quarter of the financial year/,
    );
    expect(check(valid(), { label: '2026-05', start: '2026-05-01', end: '2026-05-30' })[0].code).toBe('RETURN.WRONG_PERIOD');
  });

  it('v1 and v2 allow calendar quarters only; v3 every type', () => {
    expect(CCM_QUARTERLY_V1.periodTypes).toEqual(['quarter']);
    expect(CCM_QUARTERLY_V2.periodTypes).toEqual(['quarter']);
    expect(CCM_QUARTERLY_V3.periodTypes).toEqual(['month', 'quarter', 'fy-quarter', 'year', 'fy-year']);
  });
});
