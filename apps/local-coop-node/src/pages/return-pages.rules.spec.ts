import { figureTables } from './return-pages.rules';

describe('a return as its admin reads it', () => {
  it('puts each metric in its own table, the total first, withheld and unrecorded figures in words', () => {
    expect(
      figureTables([
        { metric: 'people_supported', breakdown: { funding_type: 'self-funder' }, value: null, suppressedOnNode: true },
        { metric: 'people_supported', breakdown: null, value: 12 },
        { metric: 'people_supported', breakdown: { funding_type: 'direct-payment' }, value: 9 },
        { metric: 'staff_headcount', breakdown: null, value: null },
      ]),
    ).toEqual([
      {
        metric: 'people_supported',
        title: 'People supported',
        rows: [
          { cell: 'Total', text: '12', status: 'shown' },
          { cell: 'Funding type: self-funder', text: 'withheld on this node', status: 'withheld' },
          { cell: 'Funding type: direct-payment', text: '9', status: 'shown' },
        ],
      },
      { metric: 'staff_headcount', title: 'Staff headcount', rows: [{ cell: 'Total', text: 'not recorded', status: 'not-recorded' }] },
    ]);
  });
});
