/*
 * What co-ops pooling what they know can learn of a figure made of their parts.
 *
 * A figure (a count, or the sum of a line's hidden figures) is the sum of each co-op's part. A
 * coalition of co-ops knows its members' parts, so it learns the rest: the figure less those parts.
 * We check every coalition of up to `size` co-ops (commissioners, who know no part, are the empty
 * coalition). Which bound, and why it is enough, is argued in disclosure-control.rules.ts.
 *
 * The worst coalition need not be searched for. With parts that are never negative, the rest is
 * smallest while still above 0 when the coalition holds the largest parts and the rest keeps the
 * smallest: of P co-ops with a part, a coalition of up to `size` leaves at least max(1, P - size) of
 * them (it could leave more, but every part it leaves adds to the rest), so the smallest non-zero
 * rest any such coalition sees is the sum of the max(1, P - size) smallest parts.
 */

/**
 * The smallest rest above 0 that some coalition of up to `size` co-ops sees; Infinity when every rest is 0.
 * The sum of the smallest max(1, P - size) parts is worked out as the sum of all less the `size` largest
 * (or, when the coalition can hold them all but one, the smallest part): one pass, no sorting, since a
 * figure of a consortium has a part from nearly every co-op and is checked many times over.
 */
export function smallestRest(parts: readonly number[], size: number): number {
  let count = 0;
  let total = 0;
  let smallest = Infinity;
  // The `size` largest parts, largest first (size is small: the coalition bound).
  const largest: number[] = [];
  for (const p of parts) {
    if (!(p > 0)) continue;
    count++;
    total += p;
    if (p < smallest) smallest = p;
    if (largest.length < size || p > largest[largest.length - 1]) {
      let i = Math.min(largest.length, size - 1);
      if (largest.length < size) largest.push(p);
      for (; i > 0 && largest[i - 1] < p; i--) largest[i] = largest[i - 1];
      largest[i] = p;
    }
  }
  if (count === 0) return Infinity;
  return count > size ? total - sum(largest) : smallest;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Whether some coalition of up to `size` co-ops sees a rest of 1 to the threshold. */
export function someCoalitionSeesSmall(parts: readonly number[], size: number, threshold: number): boolean {
  return smallestRest(parts, size) <= threshold;
}

/**
 * The same for changes that may be negative (between two releases, a corrected or withdrawn return
 * takes people away): does some coalition of up to `size` co-ops, taking its own changes away, see a
 * total change of 1 to the threshold either way? Changes all of one sign reduce to the case above;
 * mixed ones are searched, over the co-ops that changed (few: those who joined, left or corrected).
 */
export function someCoalitionSeesSmallChange(changes: readonly number[], size: number, threshold: number): boolean {
  const moved = changes.filter((d) => d !== 0);
  if (moved.every((d) => d > 0)) return someCoalitionSeesSmall(moved, size, threshold);
  if (moved.every((d) => d < 0))
    return someCoalitionSeesSmall(
      moved.map((d) => -d),
      size,
      threshold,
    );
  const total = moved.reduce((a, b) => a + b, 0);
  const small = (rest: number) => Math.abs(rest) >= 1 && Math.abs(rest) <= threshold;
  const search = (from: number, left: number, taken: number): boolean => {
    if (small(total - taken)) return true;
    if (left === 0) return false;
    for (let i = from; i < moved.length; i++) if (search(i + 1, left - 1, taken + moved[i])) return true;
    return false;
  };
  return search(0, size, 0);
}
