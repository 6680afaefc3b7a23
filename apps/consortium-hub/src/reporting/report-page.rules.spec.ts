import { metricTables } from './report-page.rules';

describe('report page rules', () => {
  const metric = {
    title: 'People supported',
    unit: 'people' as const,
    total: 120,
    breakdowns: [
      {
        dimension: 'funding_source',
        cells: [
          { category: 'local-authority', value: 100 },
          { category: 'self-funder', value: { suppressed: true as const } },
          { category: 'nhs', value: 20 },
        ],
      },
    ],
  };

  it('shows a suppressed cell as suppressed, with no bar, never as 0', () => {
    const { tables } = metricTables(metric);
    expect(tables[0].rows[1]).toEqual({ label: 'self-funder', text: 'suppressed', status: 'suppressed', share: null });
  });

  it('draws bars against the longest shown figure', () => {
    const { total, tables } = metricTables(metric);
    expect(total).toBe('120');
    expect(tables[0].rows.map((r) => r.share)).toEqual([1, null, 0.2]);
    expect(tables[0].chart).toBe(true);
    expect(tables[0].caption).toBe('People supported by funding source');
  });

  it('draws no chart when fewer than two figures are shown, and marks rates as percentages', () => {
    const rate = {
      title: 'Visits on time',
      unit: 'percent' as const,
      total: 97.5,
      breakdowns: [{ dimension: 'locality', cells: [{ category: 'Golcar', value: 97.5 }] }],
    };
    const { total, tables } = metricTables(rate);
    expect(total).toBe('97.5%');
    expect(tables[0].chart).toBe(false);
  });
});
