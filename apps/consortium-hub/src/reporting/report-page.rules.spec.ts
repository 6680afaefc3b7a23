import { ReportMetric } from './consolidation.rules';
import { reportCsv } from './report-csv.rules';
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

  const hours: ReportMetric = {
    id: 'care_hours_delivered',
    title: 'Care hours delivered',
    section: 'care',
    unit: 'hours',
    definition: 'hours',
    countsPeople: false,
    threshold: 4,
    total: 120.5,
    reportedBy: 2,
    breakdowns: [],
    crossBreakdowns: [
      {
        rows: 'locality',
        columns: 'service_type',
        rowCategories: ['Golcar', 'Marsden'],
        columnCategories: ['personal-care', 'gardening'],
        cells: [
          [80, { suppressed: true }],
          [30.5, { suppressed: true }],
        ],
      },
    ],
  };

  it('shows a two-way breakdown as a grid, rows by columns, a suppressed figure as suppressed', () => {
    const { grids } = metricTables(hours);
    expect(grids).toEqual([
      {
        caption: 'Care hours delivered by locality and service type',
        rowHeading: 'locality',
        columnLabels: ['personal-care', 'gardening'],
        rows: [
          {
            label: 'Golcar',
            cells: [
              { text: '80', status: 'shown' },
              { text: 'suppressed', status: 'suppressed' },
            ],
          },
          {
            label: 'Marsden',
            cells: [
              { text: '30.5', status: 'shown' },
              { text: 'suppressed', status: 'suppressed' },
            ],
          },
        ],
      },
    ]);
  });

  it('gives each two-way cell a CSV row naming both dimensions and both categories', () => {
    const lines = reportCsv([{ period: '2026-05', coops: 2, metrics: [hours] }]).split('\r\n');
    expect(lines).toContain(
      '2026-05,care,care_hours_delivered,Care hours delivered,hours,locality × service_type,Marsden × gardening,suppressed,suppressed,2,4,hours',
    );
    expect(lines).toContain(
      '2026-05,care,care_hours_delivered,Care hours delivered,hours,locality × service_type,Golcar × personal-care,80,shown,2,4,hours',
    );
  });
});
