import { coalitions } from './disclosure-attacks.testing';
import { smallestRest, someCoalitionSeesSmall, someCoalitionSeesSmallChange } from './disclosure-coalitions.rules';

/** Every coalition of up to `size` co-ops (by index), tried one by one. */
function bruteForce(parts: number[], size: number, threshold: number): boolean {
  const total = parts.reduce((a, b) => a + b, 0);
  return coalitions(
    parts.map((_, i) => i),
    size,
  ).some((coalition) => {
    const rest = total - coalition.reduce((a, i) => a + parts[i], 0);
    return Math.abs(rest) >= 1 && Math.abs(rest) <= threshold;
  });
}

describe('what co-ops pooling their parts can learn', () => {
  it('finds the smallest rest above 0 without trying every coalition', () => {
    expect(smallestRest([20, 20, 3], 0)).toBe(43);
    expect(smallestRest([20, 20, 3], 1)).toBe(23);
    expect(smallestRest([20, 20, 3], 2)).toBe(3);
    // A coalition may hold zeros and leave them out: what matters is who has a part.
    expect(smallestRest([0, 0, 7, 12], 1)).toBe(7);
    expect(smallestRest([0, 0], 2)).toBe(Infinity);
  });

  it('agrees with trying every coalition, for parts of one sign and for changes either way', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let small = 0;
    for (let round = 0; round < 3000; round++) {
      const size = 1 + random(3);
      const threshold = random(2) ? 4 : 9;
      const parts = Array.from({ length: 1 + random(6) }, () => (random(3) === 0 ? 0 : 1 + random(15)));
      expect({ parts, size, small: someCoalitionSeesSmall(parts, size, threshold) }).toEqual({
        parts,
        size,
        small: bruteForce(parts, size, threshold),
      });
      const changes = parts.map((p) => (random(2) ? p : -p));
      const expected = bruteForce(changes, size, threshold);
      expect({ changes, size, small: someCoalitionSeesSmallChange(changes, size, threshold) }).toEqual({ changes, size, small: expected });
      if (expected) small++;
    }
    expect(small).toBeGreaterThan(300);
  });

  it('sums the smallest parts as sorting them would, for consortia of any size and coalitions of 0 and up', () => {
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const bySorting = (parts: number[], size: number) => {
      const positive = parts.filter((p) => p > 0).sort((a, b) => a - b);
      if (positive.length === 0) return Infinity;
      return positive.slice(0, Math.max(1, positive.length - size)).reduce((a, b) => a + b, 0);
    };
    for (let round = 0; round < 2000; round++) {
      const size = random(4);
      const parts = Array.from({ length: random(round % 10 === 0 ? 400 : 8) }, () =>
        random(3) === 0 ? 0 : 1 + random(random(2) ? 5 : 60),
      );
      expect({ parts, size, rest: smallestRest(parts, size) }).toEqual({ parts, size, rest: bySorting(parts, size) });
    }
  });
});
