import { SettableClock, SystemClock } from './clock';

describe('Clock', () => {
  it('the system clock reads the real time', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('a settable clock reads what it was set to, ticks on from there, moves on and goes back', () => {
    const clock = new SettableClock();
    clock.setTo(new Date('2030-01-01T00:00:00Z'));
    const set = clock.now().getTime();
    expect(set).toBeGreaterThanOrEqual(Date.parse('2030-01-01T00:00:00Z'));
    expect(set).toBeLessThan(Date.parse('2030-01-01T00:00:05Z'));
    clock.advance(86_400_000);
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(Date.parse('2030-01-02T00:00:00Z'));
    clock.reset();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
  });
});
