import type { ExclusiveRun } from '@app/platform';

import { waitFor } from './wait-for';

/**
 * Runs a timer job's sweep in the test and answers its result, once a sweep of its own has run: the
 * app's own timer may be mid-sweep when the test calls (the job answers busy-here and does nothing),
 * and that sweep may have read the clock before the test moved it. So the test asks again until one
 * runs, and what it then asserts follows from the clock the test set.
 */
export async function sweepNow<T>(sweep: () => Promise<ExclusiveRun<T> | null>): Promise<T> {
  const run = await waitFor(`a sweep of the test's own`, sweep, (r) => r !== null && r.ran, { intervalMs: 20 });
  return (run as { ran: true; result: T }).result;
}
