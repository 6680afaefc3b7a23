import { CCM_QUARTERLY_V1, CCM_QUARTERLY_V3, describeDefinition, describeDefinitions, RETURN_DEFINITIONS } from '../index';

const THRESHOLDS = { threshold: 4, workforceThreshold: 9, nodeThreshold: 2 };

describe('describeDefinitions', () => {
  const all = describeDefinitions(THRESHOLDS);

  it('describes every definition and version, newest first, the current one marked', () => {
    expect(all.map((d) => `${d.id} v${d.version}`)).toEqual(['ccm-quarterly v3', 'ccm-quarterly v2', 'ccm-quarterly v1']);
    expect(all.filter((d) => d.current).map((d) => d.version)).toEqual([3]);
    expect(all.map((d) => d.metrics.length)).toEqual(RETURN_DEFINITIONS.map((d) => d.metrics.length).reverse());
  });

  it('gives each metric its definition, unit, breakdowns, validation, consolidation and disclosure rule in words', () => {
    const v3 = all[0];
    const hours = v3.metrics.find((m) => m.id === 'care_hours_delivered')!;
    expect(hours).toEqual(
      expect.objectContaining({
        unit: 'hours',
        breakdowns: ['service_type', 'locality'],
        crossBreakdowns: ['locality × service_type'],
        consolidation: { kind: 'sum', rule: expect.stringMatching(/^summed across co-ops/) },
      }),
    );
    expect(hours.validation.rule).toBe('a number from 0 to 10,000,000 with at most 2 decimal places');
    expect(hours.disclosure).toMatch(/shown only where the people behind it \(people_visited\) may be.*threshold of 4/);
    const turnover = v3.metrics.find((m) => m.id === 'staff_turnover_percent')!;
    expect(turnover.consolidation.rule).toMatch(/never an average/);
    expect(turnover.disclosure).toMatch(/suppressed whenever a count of people/);
    const headcount = v3.metrics.find((m) => m.id === 'staff_headcount')!;
    expect(headcount.disclosure).toMatch(/from 1 to 9 is suppressed.*withholds a breakdown cell of 1 to 2 people/);
    expect(v3.metrics.find((m) => m.id === 'volunteer_hours')!.disclosure).toMatch(/shown as it is/);
  });

  it('says which period types each version allows', () => {
    expect(describeDefinition(CCM_QUARTERLY_V1, THRESHOLDS).periodTypes.map((p) => p.type)).toEqual(['quarter']);
    expect(describeDefinition(CCM_QUARTERLY_V3, THRESHOLDS).periodTypes.map((p) => p.rule)).toContain(
      'a quarter of the financial year (April to March) written YYYY/YY-Qn, e.g. 2026/27-Q1 (April to June 2026)',
    );
  });

  it("marks a metric whose definition changed from the version before (v2's local supplier spend, v3's hours by place)", () => {
    const v2 = all[1];
    expect(v2.metrics.filter((m) => m.changedFromPreviousVersion).map((m) => m.id)).toEqual(['local_supplier_spend']);
    expect(all[0].metrics.filter((m) => m.changedFromPreviousVersion).map((m) => m.id)).toEqual(
      expect.arrayContaining(['care_hours_planned', 'care_hours_delivered']),
    );
    expect(all[2].metrics.some((m) => m.changedFromPreviousVersion)).toBe(false);
  });
});
