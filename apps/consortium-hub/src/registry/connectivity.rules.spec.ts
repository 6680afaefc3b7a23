import { connectivityOf } from './connectivity.rules';

describe('connectivityOf', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  it('is never-seen before the first heartbeat', () => expect(connectivityOf(null, now, 15_000)).toBe('never-seen'));
  it('is online within the timeout, at its edge included', () => {
    expect(connectivityOf(new Date(now.getTime() - 1_000), now, 15_000)).toBe('online');
    expect(connectivityOf(new Date(now.getTime() - 15_000), now, 15_000)).toBe('online');
  });
  it('is offline once the heartbeats stop for longer than the timeout', () => {
    expect(connectivityOf(new Date(now.getTime() - 15_001), now, 15_000)).toBe('offline');
  });
});
