import { SeededRandom } from './random';

describe('SeededRandom', () => {
  it('gives the same sequence for the same seed, and another for another seed', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    const c = new SeededRandom(43);
    const seq = (r: SeededRandom) => Array.from({ length: 5 }, () => r.int(0, 1_000_000));
    const first = seq(a);
    expect(seq(b)).toEqual(first);
    expect(seq(c)).not.toEqual(first);
  });

  it('keeps integers within their bounds and makes v4-shaped ids', () => {
    const r = new SeededRandom(7);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
    }
    expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('shuffles into a permutation of the items, the same one for the same seed, leaving the input alone', () => {
    const items = Object.freeze([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const once = new SeededRandom(5).shuffle(items);
    expect([...once].sort((a, b) => a - b)).toEqual(items);
    expect(new SeededRandom(5).shuffle(items)).toEqual(once);
    expect(once).not.toEqual(items);
  });
});
