import { bars, barShares } from './bar-chart.rules';

describe('server-drawn bar charts', () => {
  it('scales each bar against the largest figure, in the order given', () => {
    expect(
      bars([
        { label: 'a', value: 5 },
        { label: 'b', value: 10 },
        { label: 'c', value: 0 },
      ]),
    ).toEqual([
      { label: 'a', value: 5, text: '5', share: 0.5 },
      { label: 'b', value: 10, text: '10', share: 1 },
      { label: 'c', value: 0, text: '0', share: 0 },
    ]);
  });

  it('draws no bar when every figure is 0, and keeps a given text', () => {
    expect(bars([{ label: 'a', value: 0, text: '0 minutes' }])).toEqual([{ label: 'a', value: 0, text: '0 minutes', share: 0 }]);
    expect(bars([])).toEqual([]);
  });

  it('gives a figure not shown no bar, and scales the others against the longest shown', () => {
    expect(barShares([50, null, 10])).toEqual([1, null, 0.2]);
    expect(barShares([null, null])).toEqual([null, null]);
  });

  it('draws a negative figure as long as its size', () => {
    expect(barShares([-4, 2])).toEqual([1, 0.5]);
  });
});
