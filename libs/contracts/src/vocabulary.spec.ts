import { localityKey, sameLocality, servesLocality } from './vocabulary';

describe('localities', () => {
  it('compare without regard to case or stray spaces', () => {
    expect(localityKey('  Holme   Valley ')).toBe('holme valley');
    expect(sameLocality('Marsden', ' marsden')).toBe(true);
    expect(sameLocality('Marsden', 'Marsden Moor')).toBe(false);
    expect(servesLocality(['Slaithwaite', 'MARSDEN'], 'Marsden')).toBe(true);
    expect(servesLocality([], 'Marsden')).toBe(false);
  });
});
