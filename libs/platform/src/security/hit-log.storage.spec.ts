import { ThrottlerStorageService } from '@nestjs/throttler';

import { HitLogStorage } from './hit-log.storage';

describe('the rate limiter memory', () => {
  afterEach(() => jest.restoreAllMocks());

  it('answers every request as the library storage does: counts, windows, blocks and their ends', async () => {
    let seed = 5;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let now = 1_700_000_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    const ours = new HitLogStorage();
    const library = new ThrottlerStorageService();
    let blocked = 0;
    for (let i = 0; i < 20_000; i++) {
      // Bursts and pauses, from a few clients, with and without a block duration.
      now += random(300) === 0 ? random(90_000) : random(20);
      const key = `client-${random(3)}`;
      const [ttl, limit] = [60_000, 50 + random(2) * 150];
      const blockDuration = key === 'client-2' ? 0 : 20_000;
      const expected = await library.increment(key, ttl, limit, blockDuration, 'per-client');
      expect({ i, ...(await ours.increment(key, ttl, limit, blockDuration, 'per-client')) }).toEqual({ i, ...expected });
      if (expected.isBlocked) blocked++;
    }
    expect(blocked).toBeGreaterThan(1000);
    ours.onApplicationShutdown();
    library.onApplicationShutdown();
  });
});
