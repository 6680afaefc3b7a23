import { parseCoopList } from './coop-list.rules';

describe('parseCoopList', () => {
  it('reads one co-op a line, a name with commas whole, skipping blank lines and comments', () => {
    expect(
      parseCoopList('# the Calder region\nholme-valley,Holme Valley Care Co-op\r\n\n  marsden , Marsden Care, Support and Respite \n'),
    ).toEqual([
      { coopId: 'holme-valley', name: 'Holme Valley Care Co-op' },
      { coopId: 'marsden', name: 'Marsden Care, Support and Respite' },
    ]);
  });

  it.each([
    ['holme-valley', 'line 1 must be "coop-id,Co-op name"'],
    ['holme-valley,Holme\n,No id', 'line 2 must be "coop-id,Co-op name"'],
    ['marsden,   ', 'line 1 must be'],
    ['\n# nothing\n', 'the file names no co-op'],
    ['a-coop,One\na-coop,Two', 'co-op a-coop is named twice in the file'],
  ])('refuses %j naming what is wrong', (text, message) => {
    expect(() => parseCoopList(text)).toThrow(message);
  });
});
