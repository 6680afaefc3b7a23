import {
  CCM_QUARTERLY_V2,
  CCM_QUARTERLY_V3,
  COPM_MEANINGFUL_CHANGE,
  DIMENSION_VOCABULARY,
  findMetric,
  SAFEGUARDING_CATEGORIES,
  SAFEGUARDING_CLOSING_OUTCOMES,
  SAFEGUARDING_OUTCOMES,
} from '../index';

const v3 = (id: string) => findMetric(CCM_QUARTERLY_V3, id)!;
const v2 = (id: string) => findMetric(CCM_QUARTERLY_V2, id)!;

/** Version 3's metrics from what the node now records (issue 16); version 2 stays as it was. */
describe('the ccm-quarterly return, version 3: what the node records', () => {
  it("keeps version 2's meaning for returns made against it", () => {
    expect(v2('goals_improved').definition).toContain('higher at review than at the start');
    expect(v2('safeguarding_concerns_raised')).toMatchObject({ required: false, breakdowns: [], validation: { nullable: true } });
    expect(v2('contract_hours_delivered').definition).toContain('inferred');
    expect(findMetric(CCM_QUARTERLY_V2, 'staff_disadvantaged_percent')).toBeUndefined();
  });

  it("counts a goal improved at COPM's meaningful change of 2 points", () => {
    expect(COPM_MEANINGFUL_CHANGE).toBe(2);
    expect(v3('goals_improved').definition).toContain('2 points or more');
    expect(v3('goal_attainment_percent').consolidation).toEqual(v2('goal_attainment_percent').consolidation);
  });

  it('counts safeguarding concerns by the ten Care Act 2014 categories, as a count of people', () => {
    expect(SAFEGUARDING_CATEGORIES).toHaveLength(10);
    expect(DIMENSION_VOCABULARY.safeguarding_category).toBe(SAFEGUARDING_CATEGORIES);
    expect(v3('safeguarding_concerns_raised')).toMatchObject({
      countsPeople: true,
      required: true,
      breakdowns: ['safeguarding_category'],
      validation: { nullable: false },
    });
    expect(v3('safeguarding_concerns_referred')).toMatchObject({ countsPeople: true, required: true, consolidation: { kind: 'sum' } });
    expect(SAFEGUARDING_OUTCOMES).toEqual(['open', ...SAFEGUARDING_CLOSING_OUTCOMES]);
  });

  it('gives local spend with its total, the share worked out from the summed parts, and says how nothing is counted twice', () => {
    expect(v3('local_supplier_spend').definition).toContain('never entered there');
    expect(v3('supplier_spend_total')).toMatchObject({ unit: 'pence', countsPeople: false, consolidation: { kind: 'sum' } });
    expect(v3('local_supplier_spend_percent').consolidation).toEqual({
      kind: 'ratio',
      numerator: [{ metric: 'local_supplier_spend', breakdown: null }],
      denominator: [{ metric: 'supplier_spend_total', breakdown: null }],
    });
  });

  it('carries the Type B share alone, no count, weighted by headcount at the hub', () => {
    expect(v3('staff_disadvantaged_percent')).toMatchObject({
      unit: 'percent',
      countsPeople: false,
      breakdowns: [],
      validation: { nullable: true, max: 100 },
      consolidation: { kind: 'weighted-mean', weight: { metric: 'staff_headcount', breakdown: null } },
    });
    expect(CCM_QUARTERLY_V3.metrics.filter((m) => m.id.includes('disadvantaged')).map((m) => m.id)).toEqual([
      'staff_disadvantaged_percent',
    ]);
  });

  it('measures contract hours from tagged visits, nothing inferred', () => {
    expect(v3('contract_hours_delivered').definition).toContain('tagged with the contract');
    expect(v3('contract_hours_delivered').definition).toContain('Nothing is inferred');
  });
});
