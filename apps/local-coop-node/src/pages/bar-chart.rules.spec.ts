import { bars, wordsOf } from './bar-chart.rules';

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

  it('words a vocabulary key for people', () => {
    expect(wordsOf('zero-hours')).toBe('Zero hours');
    expect(wordsOf('people_supported')).toBe('People supported');
  });
});
