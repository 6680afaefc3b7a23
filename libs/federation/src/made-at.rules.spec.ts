import { MAX_CLOCK_AHEAD_MS, madeAt } from './made-at.rules';

describe('madeAt', () => {
  const received = new Date('2026-11-14T12:00:00Z');

  it("trusts a sender's time in the past, however far back (an offline node's work counts when it was done)", () => {
    expect(madeAt('2026-11-01T09:00:00Z', received)).toEqual({ ok: true, at: new Date('2026-11-01T09:00:00Z') });
    expect(madeAt('2025-01-01T00:00:00Z', received)).toEqual({ ok: true, at: new Date('2025-01-01T00:00:00Z') });
  });

  it('takes a time slightly ahead, within the limit, as the moment of arrival', () => {
    expect(madeAt('2026-11-14T12:04:59Z', received)).toEqual({ ok: true, at: received });
    expect(madeAt(new Date(received.getTime() + MAX_CLOCK_AHEAD_MS), received)).toEqual({ ok: true, at: received });
  });

  it("refuses a time more than the limit ahead of the receiver's clock, saying by how much", () => {
    const result = madeAt(new Date(received.getTime() + MAX_CLOCK_AHEAD_MS + 1000), received);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/301 s ahead of the receiver's clock \(2026-11-14T12:00:00.000Z\), more than the 300 s allowed/);
  });

  it('uses the limit it is given', () => {
    expect(madeAt('2026-11-14T12:00:02Z', received, 1000).ok).toBe(false);
    expect(madeAt('2026-11-14T12:00:01Z', received, 1000)).toEqual({ ok: true, at: received });
  });

  it('refuses something that is not a time', () => {
    expect(madeAt('yesterday', received)).toEqual({ ok: false, reason: 'occurredAt yesterday is not a time' });
  });
});
