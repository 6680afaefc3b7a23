/** Small measuring helpers shared by the figures. */

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The value below which p % of the values lie (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Milliseconds since `since` (a performance.now() reading). */
export function elapsedMs(since: number): number {
  return performance.now() - since;
}

/** Things done a second, from a count and the milliseconds they took. */
export function perSecond(count: number, ms: number): number {
  return ms > 0 ? (count * 1000) / ms : 0;
}

/** Runs `work` with at most `concurrency` of them in flight at once, for items 0..count-1. */
export async function inFlight(count: number, concurrency: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}
