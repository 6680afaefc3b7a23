import { IntakeCounters, shielded } from './intake-counters';

describe('intake counters', () => {
  it('counts refusals per subscription and reason', () => {
    const c = new IntakeCounters();
    c.refused('heartbeats', 'not-json');
    c.refused('heartbeats', 'not-json');
    c.refused('live-answers', 'bad-signature');
    expect(c.snapshot()).toEqual([
      { subscription: 'heartbeats', reason: 'not-json', count: 2 },
      { subscription: 'live-answers', reason: 'bad-signature', count: 1 },
    ]);
  });

  it('keeps its labels to the closed set, whatever it is given', () => {
    const c = new IntakeCounters();
    c.refused('heartbeats', 'Ann Smith <ann@example.org>' as never);
    expect(c.snapshot()).toEqual([{ subscription: 'heartbeats', reason: 'failed', count: 1 }]);
  });

  it('asks for a log line for the first of a kind, then at most one per ten seconds with the count since', () => {
    const c = new IntakeCounters();
    let now = 0;
    c.now = () => now;
    expect(c.refused('heartbeats', 'too-deep')).toBe(1);
    for (let i = 0; i < 500; i++) expect(c.refused('heartbeats', 'too-deep')).toBe(0);
    now = 10_000;
    expect(c.refused('heartbeats', 'too-deep')).toBe(501);
    expect(c.refused('heartbeats', 'not-json')).toBe(1);
  });
});

describe('a shielded subscription callback', () => {
  const logged: object[] = [];
  const logger = { warn: (m: object) => void logged.push(m) };

  it('keeps what the handler throws, now or later, from reaching the caller, and counts it', async () => {
    const c = new IntakeCounters();
    const sync = shielded('heartbeats', c, logger, () => {
      throw new TypeError('boom');
    });
    expect(() => sync()).not.toThrow();
    const later = shielded('live-questions', c, logger, async () => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    expect(() => later()).not.toThrow();
    await new Promise((r) => setImmediate(r));
    expect(c.snapshot()).toEqual([
      { subscription: 'heartbeats', reason: 'failed', count: 1 },
      { subscription: 'live-questions', reason: 'failed', count: 1 },
    ]);
    expect(logged).toEqual([
      expect.objectContaining({ subscription: 'heartbeats', reason: 'boom' }),
      expect.objectContaining({ subscription: 'live-questions', reason: 'Maximum call stack size exceeded' }),
    ]);
  });
});
