import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles the ceiling with each attempt, jittered within its upper half', () => {
    expect(backoffDelay(1, 100, 10_000, () => 0)).toBe(50);
    expect(backoffDelay(1, 100, 10_000, () => 1)).toBe(100);
    expect(backoffDelay(4, 100, 10_000, () => 1)).toBe(800);
  });

  it('never waits past the maximum, however many attempts', () => {
    expect(backoffDelay(50, 100, 5_000, () => 1)).toBe(5_000);
    expect(backoffDelay(10_000, 100, 5_000, () => 0.5)).toBeLessThanOrEqual(5_000);
  });
});
