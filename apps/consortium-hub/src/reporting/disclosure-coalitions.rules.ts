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

/** The smallest rest above 0 that some coalition of up to `size` co-ops sees; Infinity when every rest is 0. */
export function smallestRest(parts: readonly number[], size: number): number {
  const positive = parts.filter((p) => p > 0).sort((a, b) => a - b);
  if (positive.length === 0) return Infinity;
  const keep = Math.max(1, positive.length - size);
  let rest = 0;
  for (let i = 0; i < keep; i++) rest += positive[i];
  return rest;
}

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
