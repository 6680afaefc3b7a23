import {
  BREAKDOWN_DIMENSIONS,
  CCM_QUARTERLY_V1,
  CCM_QUARTERLY_V2,
  CCM_QUARTERLY_V3,
  CellRef,
  CURRENT_RETURN_DEFINITION,
  DIMENSION_VOCABULARY,
  findMetric,
  findReturnDefinition,
  METRIC_ID_PATTERN,
  REPORT_SECTIONS,
  REPORT_UNITS,
} from '../index';

const metrics = CCM_QUARTERLY_V1.metrics;

describe('the ccm-quarterly return, version 1', () => {
  it('is found by its id and version, and no other version is', () => {
    expect(findReturnDefinition('ccm-quarterly', 1)).toBe(CCM_QUARTERLY_V1);
    expect(findReturnDefinition('ccm-quarterly', 4)).toBeUndefined();
  });

  it('gives every metric a unique snake_case id, a definition in words, a known unit and known breakdowns', () => {
    expect(new Set(metrics.map((m) => m.id)).size).toBe(metrics.length);
    for (const m of metrics) {
      expect(m.id).toMatch(METRIC_ID_PATTERN);
      expect(m.definition.length).toBeGreaterThan(40);
      expect(REPORT_UNITS).toContain(m.unit);
      expect(REPORT_SECTIONS).toContain(m.section);
      for (const d of m.breakdowns) expect(BREAKDOWN_DIMENSIONS).toContain(d);
      expect(m.validation.min).toBeLessThanOrEqual(m.validation.max);
    }
  });

  it('has the figures commissioners ask for', () => {
    const expected = [
      'people_supported',
      'care_hours_planned',
      'care_hours_delivered',
      'goal_attainment_percent',
      'staff_headcount',
      'staff_starters',
      'staff_leavers',
      'staff_turnover_percent',
      'vacancy_rate_percent',
      'staff_zero_hours_percent',
      'staff_real_living_wage_percent',
      'training_completions',
      'volunteer_hours',
      'time_credit_hours_exchanged',
      'volunteers_into_paid_work',
      'members',
      'ballots_held',
      'ballot_mean_turnout_percent',
      'cqc_rating',
      'safeguarding_concerns_raised',
      'local_supplier_spend',
    ];
    expect(metrics.map((m) => m.id)).toEqual(expect.arrayContaining(expected));
    expect(findMetric(CCM_QUARTERLY_V1, 'people_supported')?.breakdowns).toEqual(['funding_type', 'locality']);
    expect(findMetric(CCM_QUARTERLY_V1, 'care_hours_delivered')?.breakdowns).toEqual(['service_type']);
    expect(findMetric(CCM_QUARTERLY_V1, 'staff_headcount')?.breakdowns).toEqual(['contract_type']);
    expect(findMetric(CCM_QUARTERLY_V1, 'members')?.breakdowns).toEqual(['stakeholder_class']);
  });

  it('marks every count of people for disclosure control, and no hours, money or rate', () => {
    for (const m of metrics) {
      if (m.unit === 'people') expect({ id: m.id, countsPeople: m.countsPeople }).toEqual({ id: m.id, countsPeople: true });
      if (['hours', 'pence', 'percent', 'rating'].includes(m.unit))
        expect({ id: m.id, countsPeople: m.countsPeople }).toEqual({ id: m.id, countsPeople: false });
    }
  });

  it('makes only safeguarding concerns and local spend optional, and says why in their definitions', () => {
    expect(
      metrics
        .filter((m) => !m.required)
        .map((m) => m.id)
        .sort(),
    ).toEqual(['local_supplier_spend', 'safeguarding_concerns_raised']);
    for (const m of metrics.filter((x) => !x.required)) {
      expect(m.definition).toMatch(/Optional: .*not (yet )?recorded/);
      expect(m.validation.nullable).toBe(true);
    }
  });

  it('builds every rate from parts that exist in the definition, so the hub can recompute it across co-ops', () => {
    const refs: CellRef[] = [];
    for (const m of metrics) {
      if (m.unit === 'percent')
        expect({ id: m.id, kind: m.consolidation.kind }).toEqual({ id: m.id, kind: expect.stringMatching(/^(ratio|weighted-mean)$/) });
      if (m.consolidation.kind === 'ratio') refs.push(...m.consolidation.numerator, ...m.consolidation.denominator);
      if (m.consolidation.kind === 'weighted-mean') refs.push(m.consolidation.weight);
    }
    for (const ref of refs) {
      const part = findMetric(CCM_QUARTERLY_V1, ref.metric);
      expect(part).toBeDefined();
      expect(part!.consolidation.kind).toBe('sum');
      for (const [dimension, value] of Object.entries(ref.breakdown ?? {})) {
        expect(part!.breakdowns).toContain(dimension);
        expect(DIMENSION_VOCABULARY[dimension as keyof typeof DIMENSION_VOCABULARY]).toContain(value);
      }
    }
  });

  it('leaves bank staff out of the turnover rate, counting zero-hours staff as temporary', () => {
    const turnover = findMetric(CCM_QUARTERLY_V1, 'staff_turnover_percent')!.consolidation;
    expect(turnover).toEqual({
      kind: 'ratio',
      numerator: [{ metric: 'staff_leavers_12_months', breakdown: null }],
      denominator: [
        { metric: 'staff_headcount', breakdown: { contract_type: 'permanent' } },
        { metric: 'staff_headcount', breakdown: { contract_type: 'zero-hours' } },
      ],
    });
  });

  it('codes the CQC rating on a scale that covers every CQC rating', () => {
    const cqc = findMetric(CCM_QUARTERLY_V1, 'cqc_rating')!;
    expect(cqc.scale!.map((l) => l.label).sort()).toEqual(['good', 'inadequate', 'not-yet-rated', 'outstanding', 'requires-improvement']);
    expect(cqc.validation).toMatchObject({ type: 'integer', min: 0, max: 4 });
  });

  it('cannot be changed once published', () => {
    expect(Object.isFrozen(CCM_QUARTERLY_V1)).toBe(true);
    expect(Object.isFrozen(CCM_QUARTERLY_V1.metrics)).toBe(true);
    expect(Object.isFrozen(CCM_QUARTERLY_V1.metrics[0])).toBe(true);
  });
});

describe('the ccm-quarterly return, version 2', () => {
  it('keeps every metric of version 1, and version 1 as it was', () => {
    expect(findReturnDefinition('ccm-quarterly', 1)).toBe(CCM_QUARTERLY_V1);
    expect(findReturnDefinition('ccm-quarterly', 2)).toBe(CCM_QUARTERLY_V2);
    expect(CURRENT_RETURN_DEFINITION).toBe(CCM_QUARTERLY_V3);
    expect(findReturnDefinition('ccm-quarterly', 3)).toBe(CCM_QUARTERLY_V3);
    const v1 = CCM_QUARTERLY_V1.metrics.map((m) => m.id);
    expect(CCM_QUARTERLY_V2.metrics.slice(0, v1.length).map((m) => m.id)).toEqual(v1);
    expect(findMetric(CCM_QUARTERLY_V1, 'local_supplier_spend')?.definition).toMatch(/not yet recorded on co-op nodes/);
    expect(findMetric(CCM_QUARTERLY_V2, 'local_supplier_spend')?.definition).toMatch(/joint purchasing/);
  });

  it('adds delivered against contracted hours of consortium contracts, as hours by service type and a rate from them', () => {
    expect(findMetric(CCM_QUARTERLY_V2, 'contract_hours_contracted')).toMatchObject({
      unit: 'hours',
      countsPeople: false,
      breakdowns: ['service_type', 'contract'],
    });
    expect(findMetric(CCM_QUARTERLY_V2, 'contract_hours_delivered')).toMatchObject({
      unit: 'hours',
      countsPeople: false,
      breakdowns: ['service_type', 'contract'],
    });
    expect(findMetric(CCM_QUARTERLY_V2, 'contract_delivery_percent')?.consolidation).toMatchObject({ kind: 'ratio' });
  });
});
